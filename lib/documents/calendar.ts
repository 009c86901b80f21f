import "server-only";
import ical, { ICalAlarmType, type ICalCalendar } from "ical-generator";
import type { FeedEntries } from "@/lib/data/calendar-feed";

type Translate = (key: string, values?: Record<string, string>) => string;

/** A calendar date as the UTC midnight that ical-generator writes as DTSTART;VALUE=DATE. */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The alarms of every event (issue 36): at 09:00 the day before and at
 * 09:00 on the day. An all-day event starts at midnight in whatever zone the
 * calendar shows it, so the offsets are from that midnight: 15 hours before
 * it, 9 hours after. DISPLAY alarms must carry a description (RFC 5545 §3.6.6).
 */
const ALARM_DAY_BEFORE_S = 15 * 3600;
const ALARM_ON_THE_DAY_S = 9 * 3600;

type EventData = Parameters<ICalCalendar["createEvent"]>[0] & { summary: string };

function withAlarms(calendar: ICalCalendar) {
  return (data: EventData) => {
    const event = calendar.createEvent(data);
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: ALARM_DAY_BEFORE_S,
      description: data.summary,
    });
    // After the start: without RELATED=START, ical-generator counts from the end.
    event
      .createAlarm({
        type: ICalAlarmType.display,
        trigger: -ALARM_ON_THE_DAY_S,
        description: data.summary,
      })
      .relatesTo("START");
    return event;
  };
}

/**
 * A user's feed as iCalendar: all-day events (follow-ups, promised
 * call-backs, renewals, trial and notice-period cancel-by days and dispute
 * deadlines are calendar dates, which have no time zone to
 * shift them), each with a stable UID so a calendar app updates an event
 * rather than adding it again, and a link back to the case or subscription.
 */
export function feedCalendar(
  entries: FeedEntries,
  { t, baseUrl, timeZone, name }: { t: Translate; baseUrl: string; timeZone: string; name: string },
): string {
  const calendar = ical({
    name: name ? t("calendar.nameOf", { name }) : t("calendar.name"),
    description: t("calendar.description"),
    prodId: { company: "CancelCase", product: "CancelCase", language: "EN" },
    // Refresh hints for calendar apps (RFC 7986 and the common X- form).
    ttl: 60 * 60,
  });
  calendar.x([{ key: "X-WR-TIMEZONE", value: timeZone }]);
  const createEvent = withAlarms(calendar);
  for (const f of entries.followUps) {
    createEvent({
      id: `follow-up-${f.caseId}-${f.date}@cancelcase`,
      start: day(f.date),
      allDay: true,
      summary: t("calendar.followUp", { provider: f.provider }),
      description: t("calendar.followUpBody", { provider: f.provider }),
      url: `${baseUrl}/cases/${f.caseId}`,
    });
  }
  for (const p of entries.promised) {
    createEvent({
      id: `promised-${p.noteId}@cancelcase`,
      start: day(p.date),
      allDay: true,
      summary: t("calendar.promised", { provider: p.provider }),
      description: t("calendar.promisedBody", { provider: p.provider }),
      url: `${baseUrl}/cases/${p.caseId}`,
    });
  }
  for (const r of entries.renewals) {
    createEvent({
      id: `renewal-${r.subscriptionId}-${r.date}@cancelcase`,
      start: day(r.date),
      allDay: true,
      summary: t("calendar.renewal", { provider: r.provider }),
      description: t("calendar.renewalBody", { provider: r.provider }),
      url: `${baseUrl}/subscriptions/${r.subscriptionId}`,
    });
  }
  for (const trial of entries.trials) {
    createEvent({
      id: `trial-${trial.subscriptionId}-${trial.date}@cancelcase`,
      start: day(trial.date),
      allDay: true,
      summary: t("calendar.trial", { provider: trial.provider }),
      description: t("calendar.trialBody", { provider: trial.provider }),
      url: `${baseUrl}/subscriptions/${trial.subscriptionId}`,
    });
  }
  for (const c of entries.cancelBys) {
    createEvent({
      // Keyed by the renewal: a renewal moved on is a new cancel-by day, a new event.
      id: `cancel-by-${c.subscriptionId}-${c.renewalOn}@cancelcase`,
      start: day(c.date),
      allDay: true,
      summary: t("calendar.cancelBy", { provider: c.provider }),
      description: t("calendar.cancelByBody", { provider: c.provider }),
      url: `${baseUrl}/subscriptions/${c.subscriptionId}`,
    });
  }
  for (const d of entries.disputes) {
    const rule = t(`accounts.rules.${d.rule}`);
    createEvent({
      // FCBA keeps the UID its deadline had when it was the only one, so a calendar updates it.
      id: `dispute-${d.transactionId}${d.rule === "fcba" ? "" : `-${d.rule}`}@cancelcase`,
      start: day(d.date),
      allDay: true,
      summary: t("calendar.dispute", { provider: d.provider, rule }),
      description: t(
        d.rule === "network" ? "calendar.disputeNetworkBody" : "calendar.disputeBody",
        {
          provider: d.provider,
          rule,
        },
      ),
      url: `${baseUrl}/cases/${d.caseId}#charges`,
    });
  }
  return calendar.toString();
}
