// The playbook library as the API and the pages ask for it: a page of the
// list, one playbook in one language, and the check of a subscription's
// playbookSlug, each failing with the contract's errors.
import "server-only";
import { notFoundError } from "@/lib/data/errors";
import { invalidCursor } from "@/lib/data/pagination";
import type { Locale } from "@/lib/domain/locales";
import { AppError } from "@/lib/errors/app-error";
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
    throw new AppError("validation_failed", "No playbook has this slug.", {
      fields: { playbookSlug: ["playbook_unknown"] },
    });
  }
  return slug;
}
