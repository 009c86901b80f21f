import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/ui/print-button";
import { requireUser } from "@/lib/auth/session";
import { getCaseRecord } from "@/lib/data/case-record";
import { getSubscription } from "@/lib/data/subscriptions";
import { listCaseChanges } from "@/lib/data/case-changes";
import { ChangeLine } from "@/components/cases/change-line";
import { isClosed, skipsOfDoneSteps } from "@/lib/domain/case-workflow";
import { formatDateOnly } from "@/lib/domain/dates";
import { dateTimeFormat } from "@/lib/domain/intl";
import { stepMoment } from "@/lib/domain/timeline";
import { isLocale, LOCALES } from "@/lib/domain/locales";
import { formatBytes } from "@/lib/domain/receipts";
import { maskAccountRef } from "@/lib/domain/subscriptions";
import { orNotFound } from "@/lib/http/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evidence");
  return { title: t("title") };
}

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

// Short columns never break inside a word (CJK breaks between any two
// characters unless told: "电/话"); the summary column takes the rest.
const th =
  "py-1.5 pr-3 text-left text-xs font-semibold text-slate-500 uppercase break-keep [overflow-wrap:normal]";
const td = "py-1.5 pr-3 align-top";
const tight = `${td} break-keep`;
// A time may wrap between its date and its clock on a phone, never inside either.
const stamp = `${td} break-keep tabular-nums`;

const LANGUAGE_NAMES: Record<string, string> = { en: "English", "zh-CN": "中文" };

/** Everything that proves the cancellation, on one page that prints cleanly. */
export default async function EvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ part?: string; lang?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const query = await searchParams;
  const part = Number.parseInt(query.part ?? "1", 10);
  const kase = await orNotFound(getCaseRecord(user, id, part));
  // The record can be read in another language than the app's (a US bank
  // reads English while the UI is in Chinese): ?lang= picks it.
  const uiLocale = await getLocale();
  const locale = isLocale(query.lang) ? query.lang : uiLocale;
  const [subscription, changes, t, ui] = await Promise.all([
    getSubscription(user, kase.subscriptionId),
    listCaseChanges(user, kase.id),
    getTranslations({ locale }),
    getTranslations(),
  ]);
  // Every time with its seconds and its zone: a record is read elsewhere and later.
  const stampFormat = dateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "long",
    timeZone: user.timeZone,
  });
  const when = (at: Date) => stampFormat.format(at);
  // A step's day is the day it happened; when it was written down later, that is said beside it.
  const happened = (step: { at: Date; occurredOn: string }) =>
    stepMoment(step, user.timeZone).recordedLater
      ? `${formatDateOnly(step.occurredOn, locale)}\n${t("cases.recordedOn", { date: when(step.at) })}`
      : when(step.at);
  const doneBefore = skipsOfDoneSteps(kase.events);
  const closing = kase.closedAt ? kase.events.findLast((event) => isClosed(event.to)) : undefined;
  const submitted = kase.events.find((event) => event.to === "request_submitted" && !event.skipped);
  const holder = user.name || user.email;
  const partHref = (n: number) =>
    `/cases/${kase.id}/evidence?part=${n}${isLocale(query.lang) ? `&lang=${query.lang}` : ""}`;

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
          {t("evidence.timesIn", { zone: user.timeZone })}
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
          <table className="record-table w-full table-fixed">
            <colgroup>
              <col className="w-[19%]" />
              <col className="w-[12%]" />
              <col className="w-[17%]" />
              <col className="w-[17%]" />
              <col className="w-[35%]" />
            </colgroup>
            <thead>
              <tr>
                <th className={th}>{t("evidence.when")}</th>
                <th className={th}>{t("evidence.channel")}</th>
                <th className={th}>{t("evidence.agent")}</th>
                <th className={th}>{t("evidence.reference")}</th>
                <th className={th}>{t("evidence.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {kase.notes.map((note) => (
                <tr key={note.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className={stamp}>{when(note.occurredAt)}</td>
                  <td className={tight}>{t(`domain.channel.${note.channel}`)}</td>
                  <td className={`${td} [overflow-wrap:anywhere]`}>{note.agent ?? "—"}</td>
                  <td className={`${td} font-mono text-xs [overflow-wrap:anywhere]`}>
                    {note.reference ?? "—"}
                  </td>
                  <td className={`${td} whitespace-pre-wrap [overflow-wrap:anywhere]`}>
                    {note.summary}
                    {note.outcome ? `\n${t("notes.outcomeLabel", { outcome: note.outcome })}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t("evidence.receipts")}>
        {kase.receipts.length === 0 ? (
          <p className="text-slate-500">{t("evidence.noReceipts")}</p>
        ) : (
          <table className="record-table w-full table-fixed">
            <colgroup>
              <col className="w-[47%]" />
              <col className="w-[15%]" />
              <col className="w-[12%]" />
              <col className="w-[26%]" />
            </colgroup>
            <thead>
              <tr>
                <th className={th}>{t("evidence.file")}</th>
                <th className={th}>{t("evidence.kind")}</th>
                <th className={th}>{t("evidence.size")}</th>
                <th className={th}>{t("evidence.when")}</th>
              </tr>
            </thead>
            <tbody>
              {kase.receipts.map((receipt) => (
                <tr key={receipt.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className={td}>
                    <a
                      href={`/api/v1/receipts/${receipt.id}/download`}
                      className="font-medium break-all text-indigo-700 hover:underline print:text-inherit print:no-underline dark:text-indigo-300"
                    >
                      {receipt.fileName}
                    </a>
                    <div
                      className="font-mono text-[11px] break-all text-slate-500"
                      data-testid="receipt-sha256"
                    >
                      {t("receipts.sha256")}: {receipt.sha256}
                    </div>
                  </td>
                  <td className={tight}>{t(`domain.kind.${receipt.kind}`)}</td>
                  <td className={tight}>{formatBytes(receipt.size, locale)}</td>
                  <td className={stamp}>{when(receipt.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t("evidence.history")}>
        <table className="record-table w-full table-fixed">
          <colgroup>
            <col className="w-[26%]" />
            <col className="w-[22%]" />
            <col className="w-[52%]" />
          </colgroup>
          <thead>
            <tr>
              <th className={th}>{t("evidence.when")}</th>
              <th className={th}>{t("evidence.step")}</th>
              <th className={th}>{t("evidence.summary")}</th>
            </tr>
          </thead>
          <tbody>
            {kase.events.map((event, index) => (
              <tr key={index} className="border-t border-slate-100 dark:border-slate-800">
                <td className={`${stamp} whitespace-pre-line`}>{happened(event)}</td>
                <td className={tight}>
                  {event.from === null
                    ? t("cases.eventOpened")
                    : event.from === "confirmation_received"
                      ? t("cases.eventReopened")
                      : t(`domain.state.${event.to}`)}
                  {doneBefore[index]
                    ? ` ${t("cases.eventDoneBeforeMark")}`
                    : event.skipped
                      ? ` ${t("cases.eventSkippedMark")}`
                      : ""}
                </td>
                <td className={`${td} whitespace-pre-wrap [overflow-wrap:anywhere]`}>
                  {[
                    event.rejectionReason
                      ? t("cases.rejectedBecause", {
                          reason: t(`domain.rejection.${event.rejectionReason}`),
                        })
                      : null,
                    event.comment,
                  ]
                    .filter(Boolean)
                    .join("\n")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
