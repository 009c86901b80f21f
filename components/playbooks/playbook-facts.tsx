import type { ReactNode } from "react";
import { formatDateOnly } from "@/lib/domain/dates";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import { telHref, type FactMeta, type ResolvedPlaybook } from "@/lib/playbooks/resolve";
import { FactCorrections, type CorrectionRow } from "./fact-corrections";

/** The page's language, and on the playbook page the corrections of its facts. */
type I18n = { t: PageTranslator; locale: string; corrections?: Corrections };

/** What "This is out of date" needs: the corrections by fact path, and who may share them. */
export type Corrections = {
  slug: string;
  byPath: Record<string, CorrectionRow[]>;
  today: string;
  everyoneAllowed: boolean;
};

// Underlined: these links sit inside sentences, where colour alone does not tell them apart.
const LINK = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";
const CHANNEL_LABEL = {
  online: "playbooks.channelOnline",
  phone: "playbooks.channelPhone",
  chat: "playbooks.channelChat",
  store: "playbooks.channelStore",
  mail: "playbooks.channelMail",
  social: "playbooks.channelSocial",
} as const;

/** A link out of the app: to a provider's page or a source, never with our referrer. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={LINK}>
      {children}
    </a>
  );
}

/** When a fact was last checked, and the pages it comes from (official or a guide). */
export function FactSources({
  meta,
  sources,
  path,
  i18n: { t, locale, corrections },
}: {
  meta: FactMeta;
  sources: ResolvedPlaybook["sources"];
  /** The fact's path ("portOut", "channels.0"), for its corrections. */
  path?: string;
  i18n: I18n;
}) {
  const cited = meta.sources.flatMap((id) => sources.filter((source) => source.id === id));
  return (
    <>
      <FactSourcesLine cited={cited} meta={meta} t={t} locale={locale} />
      {corrections && path ? (
        <FactCorrections
          slug={corrections.slug}
          factPath={path}
          rows={corrections.byPath[path] ?? []}
          today={corrections.today}
          everyoneAllowed={corrections.everyoneAllowed}
        />
      ) : null}
    </>
  );
}

function FactSourcesLine({
  cited,
  meta,
  t,
  locale,
}: {
  cited: ResolvedPlaybook["sources"];
  meta: FactMeta;
  t: PageTranslator;
  locale: string;
}) {
  return (
    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="fact-sources">
      {t("playbooks.factChecked", { date: formatDateOnly(meta.checkedOn, locale) })} ·{" "}
      {t("playbooks.sourcesOf")}{" "}
      {cited.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? ", " : null}
          <ExternalLink href={source.url}>{source.title}</ExternalLink> (
          {t(`playbooks.${source.kind}`)})
        </span>
      ))}
    </p>
  );
}

/** A fact that may be missing: its text and sources, or "nothing sourced yet". */
export function Fact({
  title,
  text,
  meta,
  playbook,
  i18n,
  path,
  testId,
}: {
  title: string;
  text: string | null;
  meta: FactMeta | undefined;
  playbook: ResolvedPlaybook;
  i18n: I18n;
  /** The fact's path in the playbook ("refunds"), for its corrections. */
  path?: string;
  testId?: string;
}) {
  return (
    <section className="py-3" data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h3>
      {text !== null && meta ? (
        <>
          <p className="mt-1 text-sm leading-relaxed">{text}</p>
          <FactSources meta={meta} sources={playbook.sources} path={path} i18n={i18n} />
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-500 italic dark:text-slate-400">
          {i18n.t("playbooks.nothingSourced")}
        </p>
      )}
    </section>
  );
}

/** The ways to cancel, by channel: phone numbers dial, pages open. */
export function ChannelList({ playbook, i18n }: { playbook: ResolvedPlaybook; i18n: I18n }) {
  const { t } = i18n;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="playbook-channels">
      {playbook.channels.map((channel, index) => {
        const tel = channel.phone ? telHref(channel.phone) : null;
        return (
          <li key={index} className="py-3">
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {t(CHANNEL_LABEL[channel.kind])}
            </p>
            <p className="mt-1 text-sm leading-relaxed">{channel.detail}</p>
            {channel.phone ? (
              <p className="mt-1 text-sm">
                {tel ? (
                  <a href={tel} className={`font-semibold ${LINK}`}>
                    {t("playbooks.call", { phone: channel.phone })}
                  </a>
                ) : (
                  <span className="font-mono font-semibold">{channel.phone}</span>
                )}
              </p>
            ) : null}
            {channel.hours ? (
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {t("common.labelled", { label: t("playbooks.hours") })} {channel.hours}
              </p>
            ) : null}
            {channel.url ? (
              <p className="mt-1 text-sm break-all">
                <ExternalLink href={channel.url}>{t("playbooks.openPage")}</ExternalLink>
              </p>
            ) : null}
            <FactSources
              meta={channel}
              sources={playbook.sources}
              path={`channels.${index}`}
              i18n={i18n}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** How to keep a phone number: the transfer PIN, how long it lasts, who may ask, the lock. */
export function PortOut({ playbook, i18n }: { playbook: ResolvedPlaybook; i18n: I18n }) {
  const { t } = i18n;
  const portOut = playbook.portOut;
  if (!portOut) return null;
  const rows: [string, string][] = [
    [t("playbooks.pinHow"), portOut.pinHow],
    [
      t("playbooks.pinValid"),
      portOut.pinValidDays === null
        ? t("playbooks.pinValidUnknown")
        : portOut.pinValidDays === 1
          ? t("playbooks.pinValidOneDay")
          : t("playbooks.pinValidDays", { days: portOut.pinValidDays }),
    ],
    [t("playbooks.whoCanRequest"), portOut.whoCanRequest],
    [t("playbooks.lockName"), portOut.lockName ?? t("playbooks.noLock")],
  ];
  return (
    <div data-testid="playbook-port-out">
      <p className="text-sm leading-relaxed">{t("playbooks.portOutIntro")}</p>
      <dl className="mt-3 divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <FactSources meta={portOut} sources={playbook.sources} path="portOut" i18n={i18n} />
    </div>
  );
}
