import { getFormatter, getTranslations } from "next-intl/server";
import { ReceiptIcon } from "@/components/ui/icons";
import type { ReceiptDto } from "@/lib/data/receipts";
import { formatBytes, INLINE_IMAGE_TYPES } from "@/lib/domain/receipts";
import { DeleteReceiptButton } from "./delete-receipt-button";

export async function ReceiptList({
  caseId,
  receipts,
  locale,
}: {
  caseId: string;
  receipts: ReceiptDto[];
  locale: string;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (receipts.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t("receipts.empty")}</p>;
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="receipt-list">
      {receipts.map((receipt) => {
        const href = `/api/v1/receipts/${receipt.id}/download`;
        const textual = receipt.mimeType === "message/rfc822" || receipt.mimeType === "text/plain";
        return (
          <li
            key={receipt.id}
            className="flex gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-800"
            data-testid="receipt"
          >
            {INLINE_IMAGE_TYPES.has(receipt.mimeType) ? (
              // eslint-disable-next-line @next/next/no-img-element -- an owner-checked API response, not a static asset
              <img
                src={`${href}?inline=1`}
                alt=""
                className="size-16 shrink-0 rounded-lg border border-slate-200 object-cover dark:border-slate-700"
                loading="lazy"
              />
            ) : (
              <span className="flex size-16 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-xs font-bold text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-400">
                {receipt.mimeType === "application/pdf" ? (
                  "PDF"
                ) : textual ? (
                  receipt.mimeType === "message/rfc822" ? (
                    "EML"
                  ) : (
                    "TXT"
                  )
                ) : (
                  <ReceiptIcon />
                )}
              </span>
            )}
            <div className="min-w-0 flex-1">
              <p
                className="line-clamp-2 text-sm font-semibold [overflow-wrap:anywhere]"
                title={receipt.fileName}
              >
                {receipt.fileName}
              </p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {t(`domain.kind.${receipt.kind}`)} · {formatBytes(receipt.size, locale)} ·{" "}
                {t("receipts.uploadedAt", {
                  date: format.dateTime(receipt.uploadedAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })}
              </p>
              <div className="mt-1.5 flex flex-wrap gap-3 text-xs font-semibold">
                <a
                  href={href}
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                  download
                >
                  {t("receipts.download")}
                </a>
                {textual ? (
                  <a
                    href={`/cases/${caseId}/receipts/${receipt.id}`}
                    className="text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {t("receipts.view")}
                  </a>
                ) : null}
                <DeleteReceiptButton
                  receiptId={receipt.id}
                  caseId={caseId}
                  name={receipt.fileName}
                />
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
