import type { ReactNode } from "react";
import { ChangeLine } from "@/components/cases/change-line";
import { ContactsTable, HistoryTable, ReceiptsTable } from "@/components/evidence/record-tables";
import { Link } from "@/components/ui/link";
import { PrintButton } from "@/components/ui/print-button";
import type { CaseChangeDto } from "@/lib/data/case-changes";
import type { CaseRecord } from "@/lib/data/case-record";
import { isClosed } from "@/lib/domain/case-workflow";
import { formatDateOnly } from "@/lib/domain/dates";
import { dateTimeFormat } from "@/lib/domain/intl";
import { LOCALES } from "@/lib/domain/locales";
import { maskAccountRef } from "@/lib/domain/subscriptions";
import { stepMoment } from "@/lib/domain/timeline";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8 break-inside-avoid-page">
      <h2 className="mb-3 border-b border-slate-300 pb-1 text-lg font-semibold dark:border-slate-700">
        {title}
      </h2>
      {children}
    </section>
  );
}

const LANGUAGE_NAMES: Record<string, string> = { en: "English", "zh-CN": "中文" };

/**
 * Everything that proves the cancellation, on one page that prints cleanly,
 * in the record's language (`t`, `locale`); the page's own controls speak
 * the app's (`ui`).
 */
export function EvidenceRecord({
  kase,
  changes,
  holder,
  timeZone,
  lang,
  t,
  ui,
  locale,
}: {
  kase: CaseRecord;
  changes: CaseChangeDto[];
  /** The account holder's name, else their email. */
  holder: string;
  timeZone: string;
  /** The language asked for with ?lang=, kept on the links to the other parts. */
  lang: string | null;
  t: PageTranslator;
  ui: PageTranslator;
  locale: string;
}) {
  // Every time with its seconds and its zone: a record is read elsewhere and later.
  const stampFormat = dateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "long",
    timeZone: timeZone,
  });
  const when = (at: Date) => stampFormat.format(at);
  // A step's day is the day it happened; when it was written down later, that is said beside it.
  const happened = (step: { at: Date; occurredOn: string }) =>
    stepMoment(step, timeZone).recordedLater
      ? `${formatDateOnly(step.occurredOn, locale)}\n${t("cases.recordedOn", { date: when(step.at) })}`
      : when(step.at);
  const closing = kase.closedAt ? kase.events.findLast((event) => isClosed(event.to)) : undefined;
  const submitted = kase.events.find((event) => event.to === "request_submitted" && !event.skipped);
  const partHref = (n: number) =>
    `/cases/${kase.id}/evidence?part=${n}${lang ? `&lang=${lang}` : ""}`;

  const { subscription } = kase;
  const facts: [string, ReactNode][] = [
    [t("evidence.holder"), holder],
    [
      t("evidence.subscription"),
      `${subscription.provider}${subscription.plan ? ` · ${subscription.plan}` : ""}`,
    ],
    [t("evidence.account"), maskAccountRef(subscription.accountRef) ?? "—"],
    [t("evidence.state"), t(`domain.state.${kase.state}`)],
    [
      t("evidence.confirmationNumber"),
      <span key="n" className="font-mono font-semibold">
        {kase.confirmationNumber ?? "—"}
      </span>,
    ],
    [t("evidence.opened"), happened({ at: kase.openedAt, occurredOn: kase.openedOn })],
    [t("evidence.submitted"), submitted ? happened(submitted) : t("evidence.notSubmitted")],
    [t("evidence.closed"), closing ? happened(closing) : kase.closedAt ? when(kase.closedAt) : "—"],
    [t("cases.reason"), t(`domain.reason.${kase.reason}`)],
    [t("cases.method"), kase.method ? t(`domain.method.${kase.method}`) : "—"],
  ];

  return (
    <article
      lang={locale}
      className="mx-auto max-w-4xl text-sm print:max-w-none print:text-[10.5pt]"
      data-testid="evidence"
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          href={`/cases/${kase.id}`}
          className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
        >
          ← {ui("receipts.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <nav aria-label={ui("evidence.language")} className="flex gap-1 text-sm">
            {LOCALES.map((code) => (
              <Link
                key={code}
                href={`/cases/${kase.id}/evidence?lang=${code}${kase.notesPart > 1 ? `&part=${kase.notesPart}` : ""}`}
                aria-current={code === locale ? "true" : undefined}
                lang={code}
                className={`rounded-md border px-2.5 py-1 ${
                  code === locale
                    ? "border-indigo-600 bg-indigo-600 text-white"
                    : "border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
                }`}
              >
                {LANGUAGE_NAMES[code]}
              </Link>
            ))}
          </nav>
          <PrintButton label={ui("receipts.print")} />
        </div>
      </div>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("evidence.title")}</h1>
        <p className="text-slate-600 dark:text-slate-400">{t("evidence.subtitle")}</p>
        <p className="mt-1 text-xs text-slate-500">
          {t("evidence.generated", { date: when(new Date()) })} ·{" "}
          {t("evidence.timesIn", { zone: timeZone })}
        </p>
      </header>

      <dl className="mt-6 grid gap-x-8 gap-y-2 sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div
            key={label}
            className="flex justify-between gap-4 border-b border-slate-100 py-1 dark:border-slate-800"
          >
            <dt className="shrink-0 break-keep text-slate-500">{label}</dt>
            <dd className="min-w-0 text-right break-words whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>

      <Section
        title={
          kase.notesParts > 1
            ? t("evidence.contactsPart", { part: kase.notesPart, parts: kase.notesParts })
            : t("evidence.contacts")
        }
      >
        {kase.notesParts > 1 ? (
          <nav
            aria-label={t("evidence.contactsParts")}
            className="mb-3 flex flex-wrap gap-2 text-sm print:hidden"
          >
            {Array.from({ length: kase.notesParts }, (_, i) => i + 1).map((n) => (
              <Link
                key={n}
                href={partHref(n)}
                aria-current={n === kase.notesPart ? "page" : undefined}
                className={`rounded-md border px-2.5 py-1 ${
                  n === kase.notesPart
                    ? "border-indigo-600 bg-indigo-600 text-white"
                    : "border-slate-300 dark:border-slate-700"
                }`}
              >
                {n}
              </Link>
            ))}
          </nav>
        ) : null}
        {kase.notes.length === 0 ? (
          <p className="text-slate-500">{t("evidence.noContacts")}</p>
        ) : (
          <ContactsTable notes={kase.notes} when={when} i18n={{ t, locale }} />
        )}
      </Section>

      <Section title={t("evidence.receipts")}>
        {kase.receipts.length === 0 ? (
          <p className="text-slate-500">{t("evidence.noReceipts")}</p>
        ) : (
          <ReceiptsTable receipts={kase.receipts} when={when} i18n={{ t, locale }} />
        )}
      </Section>

      <Section title={t("evidence.history")}>
        <HistoryTable events={kase.events} happened={happened} i18n={{ t, locale }} />
      </Section>

      {changes.length > 0 ? (
        <Section title={t("changes.title")}>
          <ol className="space-y-3" data-testid="evidence-changes">
            {changes.map((change) => (
              <li key={change.id}>
                <ChangeLine change={change} when={when} i18n={{ t, locale }} />
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </article>
  );
}
