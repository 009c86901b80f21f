import { Link } from "@/components/ui/link";
import type { CaseState } from "@/lib/domain/case-workflow";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import { playbookGuidance } from "@/lib/playbooks/guidance";
import type { ResolvedPlaybook } from "@/lib/playbooks/resolve";
import { ChannelList, Fact, FactSources, PortOut } from "./playbook-facts";

/**
 * Inside a case's "what now": the provider playbook's specifics for the step
 * the case is at and, where the cancellation is to be sent, its ways to
 * cancel; always a link to the whole playbook.
 */
export function PlaybookGuidance({
  playbook,
  state,
  t,
  locale,
}: {
  playbook: ResolvedPlaybook;
  state: CaseState;
  t: PageTranslator;
  locale: string;
}) {
  const i18n = { t, locale };
  const { specifics, waysToCancel } = playbookGuidance(playbook, state);
  return (
    <div
      className="mt-4 border-t border-indigo-200 pt-4 text-sm text-indigo-950 dark:border-indigo-900 dark:text-indigo-100"
      data-testid="playbook-guidance"
    >
      <h3 className="font-semibold">{t("playbooks.guidanceFrom", { name: playbook.name })}</h3>
      {specifics ? (
        <div data-testid="playbook-step">
          <p className="mt-1 leading-relaxed">{specifics.text}</p>
          <FactSources meta={specifics.meta} sources={playbook.sources} i18n={i18n} />
        </div>
      ) : null}
      {waysToCancel ? (
        <div className="mt-3 space-y-3">
          {playbook.portOut ? (
            <div>
              <h4 className="font-semibold">{t("playbooks.portOutTitle")}</h4>
              <PortOut playbook={playbook} i18n={i18n} />
            </div>
          ) : null}
          {playbook.lapseInsteadOfCancel !== null ? (
            <Fact
              title={t("playbooks.lapseTitle")}
              text={playbook.lapseInsteadOfCancel}
              meta={playbook.facts.lapseInsteadOfCancel}
              playbook={playbook}
              i18n={i18n}
            />
          ) : null}
          <div>
            <h4 className="font-semibold">{t("playbooks.waysToCancel")}</h4>
            <ChannelList playbook={playbook} i18n={i18n} />
          </div>
        </div>
      ) : null}
      <p className="mt-3">
        <Link
          href={`/playbooks/${playbook.slug}`}
          className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {t("playbooks.openPlaybook", { name: playbook.name })}
        </Link>
      </p>
    </div>
  );
}
