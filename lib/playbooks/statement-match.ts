import "server-only";
import { isUsablePattern, matchSubscription } from "@/lib/domain/merchant-patterns";
import { playbookLibrary } from "./library";
import type { Playbook } from "./schema";

/** What a playbook answers to on a statement: its descriptors, name and aliases. */
function statementPatterns(playbook: Playbook): string[] {
  return [...playbook.descriptors, playbook.name, ...playbook.aliases].filter(isUsablePattern);
}

/**
 * The playbook a statement line names, by the rule that matches lines to
 * subscriptions: whole words, and the longest pattern wins, so a line that
 * names "Metro by T-Mobile" is Metro's, not T-Mobile's.
 */
export function playbookForStatementLine(description: string): string | null {
  const candidates = [...playbookLibrary().values()].map((playbook) => ({
    id: playbook.slug,
    patterns: statementPatterns(playbook),
  }));
  return matchSubscription(description, candidates);
}
