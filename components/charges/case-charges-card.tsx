import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { CaseCharges } from "@/lib/data/charge-summaries";
import { formatDateOnly } from "@/lib/domain/dates";
import { formatMajorAmount } from "@/lib/domain/money";
import { ChargeList } from "./charge-list";
import { LazyExpectedFinalBillForm as ExpectedFinalBillForm } from "./lazy-charge-forms";

/** The dispute pack's downloads: the PDF in English (what an issuer reads) or Chinese, and the ZIP. */
async function PackLinks({ caseId }: { caseId: string }) {
  const t = await getTranslations("charges");
  const href = (query: string) => `/api/v1/cases/${caseId}/dispute-pack${query}`;
  const link = "font-semibold text-indigo-700 hover:underline dark:text-indigo-300";
  return (
    <div className="space-y-1.5" data-testid="dispute-pack">
      <h3 className="text-sm font-semibold text-slate-900 dark:text-white">{t("packTitle")}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("packHint")}</p>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a href={href("?lang=en")} download className={link}>
          {t("packPdf")}
        </a>
        <a href={href("?lang=zh-CN")} download className={link}>
          {t("packPdfChinese")}
        </a>
        <a href={href("?format=zip&lang=en")} download className={link}>
          {t("packZip")}
        </a>
      </p>
    </div>
  );
}

const STATUS_TONE = { watching: "info", verified: "success", charged: "danger" } as const;

/**
 * The case's side of the statements: watching for a charge after the
 * confirmation, verified by a clean statement, or charged, with the
 * charges, what to do about them, and the final bill to expect.
 */
export async function CaseChargesCard({
  caseId,
  version,
  currency,
  confirmed,
  charges,
  today,
}: {
  caseId: string;
  version: number;
  currency: string;
  /** The case stands at "confirmation received": a flagged charge can reopen it. */
  confirmed: boolean;
  charges: CaseCharges;
  today: string;
}) {
  const [t, tAccounts, locale] = await Promise.all([
    getTranslations("charges"),
    getTranslations("accounts"),
    getLocale(),
  ]);
  const { watch, lines, linesTotal, flagged } = charges;
  if (!watch && lines.length === 0) {
    return (
      <Card id="charges" className="scroll-mt-4">
        <CardHeader title={t("title")} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("noLines")}{" "}
          <Link
            href="/statements"
            className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t("importLink")}
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <Card id="charges" className="scroll-mt-4">
      <CardHeader title={t("title")} />
      <div className="space-y-5">
        {watch ? (
          <div className="space-y-2" data-testid="watch">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={STATUS_TONE[watch.status]} testId="watch-status">
                {t(`watch.${watch.status}`)}
              </Badge>
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {watch.status === "verified"
                ? t("verifiedBody", { date: formatDateOnly(watch.confirmedOn, locale) })
                : watch.status === "charged"
                  ? t("chargedBody", { count: flagged.length })
                  : t("watchingBody", {
                      from: formatDateOnly(watch.confirmedOn, locale),
                      through: formatDateOnly(watch.through, locale),
                    })}
            </p>
          </div>
        ) : null}
        {flagged.length > 0 ? (
          <div className="space-y-3 rounded-xl border border-red-200 bg-red-50/60 p-4 dark:border-red-900 dark:bg-red-950/30">
            <h3 className="text-sm font-semibold text-red-900 dark:text-red-200">
              {t("flaggedTitle")}
            </h3>
            <ChargeList
              lines={flagged}
              today={today}
              reopen={confirmed ? { caseId, version } : undefined}
            />
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {/* The law of the account charged: the FCBA's words only for a credit card. */}
              {flagged.some((line) => line.accountKind === "credit_card")
                ? t("disputeHow")
                : tAccounts("disputeHowRegE")}
            </p>
          </div>
        ) : null}
        {lines.length > 0 ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900 dark:text-white">
              {t("linesTitle", { count: linesTotal })}
            </h3>
            <ChargeList lines={lines} today={today} actions={false} />
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noLinesYet")}</p>
        )}
        {watch ? <PackLinks caseId={caseId} /> : null}
        {watch ? (
          <ExpectedFinalBillForm
            caseId={caseId}
            version={version}
            currency={currency}
            value={
              watch.expectedFinalBill === null
                ? ""
                : formatMajorAmount(watch.expectedFinalBill, currency)
            }
          />
        ) : null}
        <Link
          href="/statements"
          className="inline-block text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {t("importLink")}
        </Link>
      </div>
    </Card>
  );
}
