import type { ComponentProps } from "react";

/** The attribute that asks SoftNavigation (./soft-nav.tsx) to open a link in the app. */
export const SOFT_NAV = { "data-soft-nav": "" } as const;

/**
 * A link inside the app: a plain `<a>` that the one SoftNavigation of the
 * root layout opens client-side (no full page load, a progress bar while
 * the page is on its way, no prefetch). Not next/link: every page here is
 * rendered per request for the signed-in user, so its prefetch was a server
 * render of its own (a list of 50 rows caused about 30 per view, measured by
 * `npm run bench`); and as a client component per link it cost server CPU
 * to render and about 2.5 kB of gzipped JavaScript on every page (issue 37).
 * A server component: nothing of it runs in the browser.
 */
export function Link({ href, children, ...props }: ComponentProps<"a"> & { href: string }) {
  return (
    <a href={href} {...SOFT_NAV} {...props}>
      {children}
    </a>
  );
}
