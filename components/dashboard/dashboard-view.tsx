import { Overview } from "@/components/dashboard/overview";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FolderCheckIcon, ListIcon, PhoneIcon, ReceiptIcon } from "@/components/ui/icons";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { ComponentProps } from "react";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

/**
 * The dashboard: the overview once there is a subscription to look after,
 * before that the three steps of how CancelCase works.
 */
export function DashboardView(
  props: ComponentProps<typeof Overview> & { totals: { count: number } },
) {
  return props.totals.count > 0 ? (
    <Overview {...props} />
  ) : (
    <FirstSteps userName={props.userName} t={props.t} />
  );
}

function FirstSteps({ userName, t }: { userName: string; t: PageTranslator }) {
  const steps = [
    { Icon: ListIcon, title: t("dashboard.step1Title"), body: t("dashboard.step1Body") },
    { Icon: PhoneIcon, title: t("dashboard.step2Title"), body: t("dashboard.step2Body") },
    { Icon: ReceiptIcon, title: t("dashboard.step3Title"), body: t("dashboard.step3Body") },
  ];

  return (
    <>
      <PageHeader
        title={
          userName ? t("dashboard.greeting", { name: userName }) : t("dashboard.greetingNoName")
        }
        description={t("dashboard.subtitle")}
      />
      <EmptyState
        icon={<FolderCheckIcon className="size-6" />}
        title={t("dashboard.emptyTitle")}
        body={t("dashboard.emptyBody")}
        action={
          <Link href="/subscriptions/new" className={buttonClasses("primary")}>
            {t("dashboard.emptyAction")}
          </Link>
        }
      />
      <section aria-labelledby="how-it-works" className="mt-10">
        <h2
          id="how-it-works"
          className="mb-4 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
        >
          {t("dashboard.howItWorks")}
        </h2>
        <ol className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {steps.map(({ Icon, title, body }, index) => (
            <li
              key={title}
              className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex items-center gap-3">
                <span className="flex size-9 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
                  <Icon />
                </span>
                <span className="text-xs font-semibold text-slate-400">{index + 1} / 3</span>
              </div>
              <h3 className="mt-3 font-semibold text-slate-900 dark:text-white">{title}</h3>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{body}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
