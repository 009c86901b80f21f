import { BackLink } from "@/components/ui/back-link";
import { Card, CardHeader } from "@/components/ui/card";
import { MAIN_PATH } from "@/lib/domain/case-workflow";
import { formatDateOnly } from "@/lib/domain/dates";
import type { PlaybookCorrectionDto } from "@/lib/data/playbook-corrections";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { ResolvedPlaybook } from "@/lib/playbooks/resolve";
import { CallScriptReader } from "./call-script-reader";
import { DifficultyBadge } from "./difficulty-badge";
import {
  ChannelList,
  ExternalLink,
  Fact,
  FactSources,
  PortOut,
  type Corrections,
} from "./playbook-facts";

/**
 * One provider's playbook, readable before any case exists: how to cancel by
 * channel, what to do first, money, what to expect, the call script, and for
 * every fact the day it was checked and where it comes from.
 */
export function PlaybookView({
  playbook,
  corrections,
  t,
  locale,
}: {
  playbook: ResolvedPlaybook;
  /** What the user (and the server's operators) said is out of date; "This is out of date" under every fact. */
  corrections: { items: PlaybookCorrectionDto[]; today: string; everyoneAllowed: boolean };
  t: PageTranslator;
  locale: string;
}) {
  const byPath: Corrections["byPath"] = {};
  for (const item of corrections.items) {
    (byPath[item.factPath] ??= []).push({
      id: item.id,
      note: item.note,
      sourceUrl: item.sourceUrl,
      checkedOn: item.checkedOn,
      dayLabel: formatDateOnly(item.checkedOn, locale),
      everyone: item.everyone,
      mine: item.mine,
    });
  }
  const i18n = {
    t,
    locale,
    corrections: {
      slug: playbook.slug,
      byPath,
      today: corrections.today,
      everyoneAllowed: corrections.everyoneAllowed,
    },
  };
  const carrier = playbook.category === "mobile";
  const steps = MAIN_PATH.flatMap((state) => {
    const text = playbook.steps[state];
    const meta = playbook.facts[`steps.${state}`];
    return text && meta ? [{ state, text, meta }] : [];
  });
  const fact = (
    key: "refunds" | "fees" | "numberRecycling" | "retention" | "lapseInsteadOfCancel",
  ) => (
    <Fact
      key={key}
      title={t(key === "lapseInsteadOfCancel" ? "playbooks.lapseTitle" : `playbooks.${key}`)}
      text={playbook[key]}
      meta={playbook.facts[key]}
      playbook={playbook}
      i18n={i18n}
      path={key}
      testId={`playbook-${key}`}
    />
  );

  return (
    <>
      <BackLink href="/playbooks" label={t("playbooks.back")} />
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900 dark:text-white">
            {playbook.name}
          </h1>
          <DifficultyBadge difficulty={playbook.difficulty} t={t} />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {t(`domain.category.${playbook.category}`)} ·{" "}
          <span data-testid="playbook-checked-on">
            {t("playbooks.checkedOn", { date: formatDateOnly(playbook.checkedOn, locale) })}
          </span>
          {playbook.aliases.length > 0
            ? ` · ${t("common.labelled", { label: t("playbooks.aliases") })} ${playbook.aliases.join(", ")}`
            : ""}
        </p>
        <p className="mt-2 text-sm">{playbook.difficultyWhy}</p>
      </header>

      <p
        role="note"
        className="mb-6 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
        data-testid="policies-change"
      >
        {t("playbooks.policiesChange")}
      </p>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          {carrier && playbook.portOut ? (
            <Card>
              <CardHeader title={t("playbooks.portOutTitle")} />
              <PortOut playbook={playbook} i18n={i18n} />
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("playbooks.howToCancel")} />
            <ChannelList playbook={playbook} i18n={i18n} />
            {carrier || playbook.lapseInsteadOfCancel !== null
              ? fact("lapseInsteadOfCancel")
              : null}
          </Card>
          {steps.length > 0 ? (
            <Card>
              <CardHeader title={t("playbooks.stepsTitle")} />
              <ol className="divide-y divide-slate-100 dark:divide-slate-800">
                {steps.map(({ state, text, meta }) => (
                  <li key={state} className="py-3">
                    <h3 className="text-sm font-semibold">{t(`domain.state.${state}`)}</h3>
                    <p className="mt-1 text-sm leading-relaxed">{text}</p>
                    <FactSources
                      meta={meta}
                      sources={playbook.sources}
                      path={`steps.${state}`}
                      i18n={i18n}
                    />
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}
          <Card>
            <CardHeader
              title={t("playbooks.callScriptTitle")}
              description={t("playbooks.callScriptIntro")}
            />
            <ol className="mb-4 space-y-3" data-testid="call-script-lines">
              {playbook.callScript.map((line, index) => (
                <li key={index} className="text-sm">
                  <span lang="en" className="block font-medium">
                    {line.en}
                  </span>
                  <span lang="zh-CN" className="block text-slate-600 dark:text-slate-400">
                    {line.zh}
                  </span>
                </li>
              ))}
            </ol>
            <CallScriptReader lines={playbook.callScript} />
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <div className="divide-y divide-slate-100 dark:divide-slate-800">
              {fact("refunds")}
              {fact("fees")}
              {carrier ? fact("numberRecycling") : null}
              {fact("retention")}
            </div>
          </Card>
          <Card>
            <CardHeader title={t("playbooks.sourcesTitle")} />
            <ul className="space-y-2 text-sm" data-testid="playbook-sources">
              {playbook.sources.map((source) => (
                <li key={source.id}>
                  <ExternalLink href={source.url}>{source.title}</ExternalLink>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {t("playbooks.sourceRead", {
                      kind: t(`playbooks.${source.kind}`),
                      date: formatDateOnly(source.readOn, locale),
                    })}
                  </span>
                </li>
              ))}
            </ul>
            {playbook.descriptors.length > 0 ? (
              <p className="mt-4 text-xs text-slate-600 dark:text-slate-400">
                {t("common.labelled", { label: t("playbooks.descriptors") })}{" "}
                <span className="font-mono">{playbook.descriptors.join(", ")}</span>
              </p>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
