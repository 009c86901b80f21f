import { getTranslations } from "next-intl/server";
import { CheckIcon } from "@/components/ui/icons";
import type { StepStatus } from "@/lib/domain/case-workflow";

const DOT: Record<StepStatus, string> = {
  done: "bg-emerald-600 text-white dark:bg-emerald-500",
  skipped: "border-2 border-dashed border-slate-300 text-slate-400 dark:border-slate-600",
  next: "border-2 border-indigo-600 bg-white text-indigo-700 ring-4 ring-indigo-100 dark:border-indigo-400 dark:bg-slate-900 dark:text-indigo-300 dark:ring-indigo-950",
  upcoming: "border-2 border-slate-200 text-slate-400 dark:border-slate-700",
};

/**
 * The main path, step by step; a rejected or withdrawn case shows its branch
 * (with the rejection's reason) after the last step it reached.
 */
export async function Stepper({
  steps,
  branch,
}: {
  steps: { step: string; status: StepStatus; optional: boolean }[];
  branch?: { state: "rejected" | "withdrawn"; reason: string | null };
}) {
  const t = await getTranslations();
  const statusLabel: Record<StepStatus, string> = {
    done: t("cases.stepDone"),
    skipped: t("cases.stepSkipped"),
    next: t("cases.stepNext"),
    upcoming: t("cases.stepUpcoming"),
  };
  const lastReached = steps.findLastIndex((s) => s.status === "done" || s.status === "skipped");
  const branchItem = branch ? (
    <li
      key="branch"
      className="relative flex gap-3 pb-5"
      data-step={branch.state}
      data-status="branch"
      aria-current="step"
    >
      <span
        className={`relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${branch.state === "rejected" ? "bg-red-600" : "bg-slate-500"}`}
        aria-hidden="true"
      >
        {branch.state === "rejected" ? "✕" : "–"}
      </span>
      <div className="min-w-0 pt-1">
        <p
          className={`text-sm font-semibold ${branch.state === "rejected" ? "text-red-700 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}`}
        >
          {t(`domain.state.${branch.state}`)}
        </p>
        {branch.reason ? (
          <p className="text-xs text-red-700 dark:text-red-300">
            {t(`domain.rejection.${branch.reason}`)}
          </p>
        ) : null}
      </div>
    </li>
  ) : null;
  return (
    <ol className="space-y-0" aria-label={t("cases.steps")}>
      {steps.flatMap(({ step, status, optional }, index) => [
        <li
          key={step}
          className="relative flex gap-3 pb-5 last:pb-0"
          aria-current={status === "next" && !branch ? "step" : undefined}
          data-step={step}
          data-status={status}
        >
          {index < steps.length - 1 ? (
            <span
              aria-hidden="true"
              className={`absolute top-8 left-[15px] h-[calc(100%-2rem)] w-0.5 ${status === "done" ? "bg-emerald-500/60" : "bg-slate-200 dark:bg-slate-700"}`}
            />
          ) : null}
          <span
            className={`relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-bold ${DOT[status]}`}
          >
            {status === "done" ? (
              <CheckIcon className="size-4" />
            ) : status === "skipped" ? (
              "↷"
            ) : (
              index + 1
            )}
          </span>
          <div className="min-w-0 pt-1">
            <p
              className={`text-sm font-semibold ${status === "upcoming" || status === "skipped" ? "text-slate-500 dark:text-slate-400" : status === "next" ? "text-indigo-700 dark:text-indigo-300" : "text-slate-900 dark:text-white"}`}
            >
              {t(`domain.state.${step}`)}
            </p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {statusLabel[status]}
              {optional && (status === "upcoming" || status === "next")
                ? ` · ${t("cases.optional")}`
                : ""}
            </p>
          </div>
        </li>,
        index === lastReached ? branchItem : null,
      ])}
    </ol>
  );
}
