import type { NoteChannel } from "./notes";

// Failed contacts (issue 33, point 4): why a contact got nowhere, and which
// channel to try next. The case page asks nextChannels; the playbook's own
// channel kinds, when the subscription has one, are its `available`.

export const FAILURE_REASONS = [
  /** No cancel option found (online: the page or the app has none). */
  "no_cancel_option",
  /** No answer, or the hold was too long. */
  "no_answer",
  "transferred_or_dropped",
  /** Refused, or only a retention offer was made. */
  "refused_or_retention",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type FailedAttempt = { channel: NoteChannel; reason: FailureReason };

/** The channels one can leave a provider by, the usual best first (no playbook). */
export const GENERIC_ORDER = ["website", "chat", "phone", "social", "mail", "store"] as const;
export type CancelChannel = (typeof GENERIC_ORDER)[number];

const ONLINE: ReadonlySet<NoteChannel> = new Set(["website", "chat", "social", "email"]);

/**
 * What to try after a failure, before the generic order: a site without a
 * cancel option is best followed by a person (phone, chat); a phone nobody
 * answers by a channel that needs no waiting on the line; a refusal or a
 * dropped call by something in writing, which the provider cannot deny later.
 */
function preferredAfter(attempt: FailedAttempt): readonly CancelChannel[] {
  if (attempt.reason === "no_cancel_option")
    return ONLINE.has(attempt.channel) ? ["phone", "chat"] : ["website", "chat"];
  if (attempt.reason === "no_answer")
    return attempt.channel === "phone" ? ["chat", "social", "mail"] : ["phone", "chat"];
  if (attempt.reason === "transferred_or_dropped") return ["chat", "mail"];
  return ["mail", "chat"];
}

/** A playbook says "online" for what a note calls "website". */
function asCancelChannel(kind: string): CancelChannel | null {
  const channel = kind === "online" ? "website" : kind;
  return (GENERIC_ORDER as readonly string[]).includes(channel) ? (channel as CancelChannel) : null;
}

/**
 * The channels to try next, best first, after the case's failed attempts
 * (oldest first, as they happened): none already failed, only those
 * `available` (a playbook's channel kinds; null: any). The latest failure
 * decides what comes first; the generic order the rest. No failure, no
 * suggestion: an empty list.
 */
export function nextChannels(
  attempts: readonly FailedAttempt[],
  available: readonly string[] | null,
): CancelChannel[] {
  const latest = attempts.at(-1);
  if (!latest) return [];
  const failed = new Set<string>(attempts.map((attempt) => attempt.channel));
  const offered =
    available === null
      ? null
      : new Set(available.map(asCancelChannel).filter((c): c is CancelChannel => c !== null));
  const order = [...new Set([...preferredAfter(latest), ...GENERIC_ORDER])];
  return order.filter((channel) => !failed.has(channel) && (offered?.has(channel) ?? true));
}
