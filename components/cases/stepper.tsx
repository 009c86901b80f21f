import { getTranslations } from "next-intl/server";
import { CheckIcon } from "@/components/ui/icons";
import type { StepStatus } from "@/lib/domain/case-workflow";

const DOT: Record<StepStatus, string> = {
  done: "bg-emerald-600 text-white dark:bg-emerald-500",
  skipped: "border-2 border-dashed border-slate-300 text-slate-400 dark:border-slate-600",
  current:
    "bg-indigo-600 text-white ring-4 ring-indigo-100 dark:bg-indigo-500 dark:ring-indigo-950",
  upcoming: "border-2 border-slate-200 text-slate-400 dark:border-slate-700",
};

export async function Stepper({
  steps,
}: {
  steps: { step: string; status: StepStatus; optional: boolean }[];
}) {
  const t = await getTranslations();
  const statusLabel: Record<StepStatus, string> = {
    done: t("cases.stepDone"),
    skipped: t("cases.stepSkipped"),
    current: t("cases.stepCurrent"),
    upcoming: t("cases.stepUpcoming"),
  };
  return (
    <ol className="space-y-0" aria-label={t("cases.steps")}>
      {steps.map(({ step, status, optional }, index) => (
        <li
          key={step}
          className="relative flex gap-3 pb-5 last:pb-0"
          aria-current={status === "current" ? "step" : undefined}
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
              className={`text-sm font-semibold ${status === "upcoming" || status === "skipped" ? "text-slate-500 dark:text-slate-400" : "text-slate-900 dark:text-white"}`}
            >
              {t(`domain.state.${step}`)}
            </p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {statusLabel[status]}
              {optional && status === "upcoming" ? ` · ${t("cases.optional")}` : ""}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
