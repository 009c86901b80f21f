// What a playbook adds to a case's "what now" guidance, by the case's state.
// Pure, so the rule is tested apart from the page.
import type { CaseState } from "@/lib/domain/case-workflow";
import type { FactMeta, ResolvedPlaybook } from "./resolve";

/**
 * The states whose guidance is about sending the cancellation: after the
 * payment is unlinked (next: submit), once submitted (chase it), and after a
 * rejection (resubmit, perhaps elsewhere). There the ways to cancel show.
 */
export const SUBMIT_STATES: ReadonlySet<CaseState> = new Set([
  "payment_unlinked",
  "request_submitted",
  "rejected",
]);

export type PlaybookGuidance = {
  /** The playbook's own words for this step, with their date and sources. */
  specifics: { text: string; meta: FactMeta } | null;
  /** Whether to list the ways to cancel (and, for a carrier, how to port out or let it lapse). */
  waysToCancel: boolean;
};

export function playbookGuidance(playbook: ResolvedPlaybook, state: CaseState): PlaybookGuidance {
  const text = playbook.steps[state];
  const meta = playbook.facts[`steps.${state}`];
  return {
    specifics: text && meta ? { text, meta } : null,
    waysToCancel: SUBMIT_STATES.has(state),
  };
}
