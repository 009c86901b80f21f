// The playbook library as the API and the pages ask for it: a page of the
// list, one playbook in one language, and the check of a subscription's
// playbookSlug, each failing with the contract's errors.
import "server-only";
import { notFoundError } from "@/lib/data/errors";
import { invalidCursor } from "@/lib/data/pagination";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/domain/locales";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { PlaybookListQuery } from "@/lib/validation/playbooks";
import { getPlaybook, playbookLibrary } from "./library";
import { PlaybookCursorError, searchPlaybooks, type PlaybookSummary } from "./lookup";
import { resolvePlaybook, type ResolvedPlaybook } from "./resolve";

export function listPlaybooks(query: PlaybookListQuery): {
  items: PlaybookSummary[];
  nextCursor: string | null;
} {
  try {
    return searchPlaybooks(playbookLibrary().values(), query);
  } catch (error) {
    if (error instanceof PlaybookCursorError) throw invalidCursor();
    throw error;
  }
}

/** One playbook in one language; a slug the library does not hold is 404. */
export function playbookView(slug: string, locale: Locale): ResolvedPlaybook {
  const playbook = getPlaybook(slug);
  if (!playbook) throw notFoundError("Playbook");
  return resolvePlaybook(playbook, locale);
}

/** A subscription's playbookSlug as given: null, or a slug of the library (else 422). */
export function checkedPlaybookSlug<T extends string | null | undefined>(slug: T): T {
  if (typeof slug === "string" && getPlaybook(slug) === null) {
    // 422, not 400: the slug is well-formed text that names no playbook.
    throw new AppError("unprocessable", "No playbook has this slug.", {
      fields: { playbookSlug: ["playbook_unknown"] },
    });
  }
  return slug;
}

/** A subscription's playbook in one language, or null when it has none (or it left the library). */
export function playbookOf(slug: string | null, locale: string): ResolvedPlaybook | null {
  const playbook = slug === null ? null : getPlaybook(slug);
  return playbook ? resolvePlaybook(playbook, isLocale(locale) ? locale : DEFAULT_LOCALE) : null;
}

/**
 * The playbooks API answers a query it cannot use (an unknown category or
 * language, a bad limit or cursor, a search past 100 characters) with 422 and
 * the fields at fault, as its part of issue 33 asks, where the older lists say 400.
 */
export function unprocessableQuery<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isAppError(error) && error.code === "validation_failed") {
      throw new AppError("unprocessable", "The query has invalid fields.", {
        fields: error.fields ?? {},
      });
    }
    throw error;
  }
}
