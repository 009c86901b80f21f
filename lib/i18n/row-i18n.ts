import type { getTranslations } from "next-intl/server";

/** A page's translator over the whole catalog, as `getTranslations()` gives it. */
export type PageTranslator = Awaited<ReturnType<typeof getTranslations<never>>>;

/**
 * What a component repeated on every row of a list needs in order to speak:
 * the page's translator and locale, handed down by the page. Each row's
 * component then renders synchronously; an async component (one awaiting
 * `getTranslations` itself) is a task of its own in React's server render,
 * fifty or a hundred of them on one page.
 */
export type RowI18n = { t: PageTranslator; locale: string };
