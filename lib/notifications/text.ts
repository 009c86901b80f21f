import "server-only";
import { translator } from "@/lib/i18n/catalogs";
import { baseUrl } from "@/lib/config";
import { formatDateOnly } from "@/lib/domain/dates";
import type { Locale } from "@/lib/domain/locales";
import { isDisputeReminder, type Reminder } from "@/lib/domain/reminders";
import type { ReminderMailText } from "@/lib/mail/messages";

// What a reminder says, in the user's language: one sentence used alike by
// the email, the push message and the notifications list.

type ReminderWords = Pick<
  Reminder,
  "kind" | "provider" | "dueOn" | "eventOn" | "caseId" | "subscriptionId"
>;

export async function reminderWriter(locale: Locale) {
  const t = await translator(locale, "reminders");
  const rules = await translator(locale, "accounts.rules");
  const own = await translator(locale, "reminderRules");
  const date = (value: string) => formatDateOnly(value, locale);
  return {
    t,
    /** The sentence; `today` is the user's date (a renewal counts the days from it). */
    line(r: ReminderWords, today: string): string {
      const provider = r.provider;
      switch (r.kind) {
        case "follow_up":
          return r.eventOn < today
            ? t("follow_up_late", { provider, date: date(r.eventOn) })
            : t("follow_up", { provider, date: date(r.eventOn) });
        case "call_back":
          return t("call_back", { provider, date: date(r.eventOn) });
        case "renewal": {
          const days = Math.max(
            0,
            Math.round((Date.parse(r.eventOn) - Date.parse(today)) / 86_400_000),
          );
          return t("renewal", { provider, date: date(r.eventOn), days });
        }
        case "review":
          return t("review", { provider, date: date(r.eventOn) });
        case "statement":
          return t("statement", { provider, date: date(r.eventOn) });
        case "charge":
          return t("charge", { provider, date: date(r.eventOn) });
        case "dispute":
          return t("dispute", { provider, date: date(r.eventOn), rule: rules("fcba") });
        case "dispute_reg_e":
          return t("dispute", { provider, date: date(r.eventOn), rule: rules("reg_e") });
        case "dispute_network":
          return t("dispute_network", { provider, date: date(r.eventOn), rule: rules("network") });
        case "bank_late":
          return t("bank_late", { provider, date: date(r.eventOn) });
        case "trial": {
          const days = Math.max(
            0,
            Math.round((Date.parse(r.eventOn) - Date.parse(today)) / 86_400_000),
          );
          return t("trial", { provider, date: date(r.eventOn), days });
        }
        case "cancel_by":
          return own("cancelByLine", { provider, date: date(r.eventOn) });
      }
    },
    /**
     * A one-reminder message's subject: what and about whom, in a few words
     * (the sentence is the body's). A long provider name is cut: a subject
     * is read in a list, where only its start shows.
     */
    subject(r: ReminderWords): string {
      const provider =
        r.provider.length > SUBJECT_PROVIDER_MAX
          ? `${r.provider.slice(0, SUBJECT_PROVIDER_MAX - 1)}…`
          : r.provider;
      const kind = isDisputeReminder(r.kind) ? "dispute" : r.kind;
      return own(`subject.${kind}`, { provider, date: date(r.eventOn) });
    },
    /** Where the reminder's button goes (its case, or its subscription): path and full URL. */
    link(r: ReminderWords): { path: string; url: string; label: string } {
      const charges = r.kind === "charge" || r.kind === "bank_late" || isDisputeReminder(r.kind);
      const path = r.caseId
        ? `/cases/${r.caseId}${charges ? "#charges" : ""}`
        : `/subscriptions/${r.subscriptionId}`;
      return {
        path,
        url: `${baseUrl()}${path}`,
        label: r.caseId ? t("openCase") : t("openSubscription"),
      };
    },
  };
}

/** A provider's name in a subject keeps to this many characters. */
const SUBJECT_PROVIDER_MAX = 24;

/** A digest reads from what needs doing today to what is only coming up, soonest first. */
const KIND_ORDER: Reminder["kind"][] = [
  "bank_late",
  "dispute",
  "dispute_reg_e",
  "dispute_network",
  "charge",
  "follow_up",
  "call_back",
  "review",
  "statement",
  "cancel_by",
  "trial",
  "renewal",
];

export function inDigestOrder<R extends Pick<Reminder, "kind" | "eventOn">>(reminders: R[]): R[] {
  return [...reminders].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.eventOn.localeCompare(b.eventOn),
  );
}

/** A reminder email's words in the user's language; lib/mail/messages.ts lays them out. */
export async function reminderMailText(
  locale: Locale,
  reminders: Reminder[],
  today: string,
  unsubscribePageUrl: string,
): Promise<ReminderMailText> {
  const writer = await reminderWriter(locale);
  const { t } = writer;
  const ordered = inDigestOrder(reminders);
  const items = ordered.map((r) => {
    const { url, label } = writer.link(r);
    return { line: writer.line(r, today), url, label };
  });
  const own = await translator(locale, "reminderRules");
  // One reminder (one-message-per-reminder mode, or a one-item day): its
  // own short subject, and no "here is what ... today" opening a digest has.
  const single = ordered.length === 1 ? ordered[0]! : null;
  return {
    subject: single
      ? writer.subject(single)
      : t("subjectDigest", { count: items.length, date: formatDateOnly(today, locale) }),
    intro: single ? own("introOne") : t("intro"),
    items,
    footer: t("footer"),
    unsubscribeLabel: t("unsubscribe"),
    unsubscribeAt: t("unsubscribeAt", { url: unsubscribePageUrl }),
  };
}

/**
 * A reminder message for a channel (a chat, a push app, a webhook): one
 * reminder is its short subject, its sentence and its own link; several
 * are the digest's subject and one line each, leading to the notifications.
 */
export async function reminderChannelText(
  locale: Locale,
  reminders: Reminder[],
  today: string,
): Promise<{ title: string; body: string; url: string }> {
  const writer = await reminderWriter(locale);
  const ordered = inDigestOrder(reminders);
  const single = ordered.length === 1 ? ordered[0]! : null;
  if (single) {
    return {
      title: writer.subject(single),
      body: writer.line(single, today),
      url: writer.link(single).url,
    };
  }
  return {
    title: writer.t("subjectDigest", {
      count: ordered.length,
      date: formatDateOnly(today, locale),
    }),
    body: ordered.map((r) => `• ${writer.line(r, today)}`).join("\n"),
    url: `${baseUrl()}/notifications`,
  };
}
