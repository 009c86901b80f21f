import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatDateOnly } from "@/lib/domain/dates";
import type { PageTranslator } from "@/lib/i18n/row-i18n";
import type { ResolvedPlaybook } from "@/lib/playbooks/resolve";
import { DifficultyBadge } from "./difficulty-badge";

/** A subscription's playbook: how hard leaving is, how fresh the facts are, and the way to it. */
export function SubscriptionPlaybook({
  playbook,
  t,
  locale,
}: {
  playbook: ResolvedPlaybook | null;
  t: PageTranslator;
  locale: string;
}) {
  return (
    <Card>
      <CardHeader title={t("playbooks.subscriptionTitle")} />
      {playbook ? (
        <div className="flex flex-wrap items-center gap-3" data-testid="subscription-playbook">
          <Link
            href={`/playbooks/${playbook.slug}`}
            className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t("playbooks.openPlaybook", { name: playbook.name })}
          </Link>
          <DifficultyBadge difficulty={playbook.difficulty} t={t} />
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {t("playbooks.checkedOn", { date: formatDateOnly(playbook.checkedOn, locale) })}
          </span>
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("playbooks.subscriptionNone")}
        </p>
      )}
    </Card>
  );
}
