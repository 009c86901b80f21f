import { BackLink } from "@/components/ui/back-link";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReceiptText } from "@/lib/services/read-receipt-text";
import type { getTranslations } from "next-intl/server";

/** A text or .eml receipt shown as text: the email's headers, then its body. */
export function ReceiptTextView({
  receipt,
  email,
  text,
  t,
}: ReceiptText & { t: Awaited<ReturnType<typeof getTranslations<"receipts">>> }) {
  return (
    <>
      <BackLink href={`/cases/${receipt.caseId}`} label={t("back")} />
      <h1 className="mb-6 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900 dark:text-white">
        {t("textTitle", { name: receipt.fileName })}
      </h1>
      {email === "unreadable" ? (
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">{t("emailUnreadable")}</p>
      ) : email ? (
        <Card className="mb-6">
          <CardHeader title={t("headers")} />
          <dl className="space-y-1 text-sm" data-testid="email-headers">
            {email.headers.map(([name, value], index) => (
              <div key={index} className="flex gap-2">
                <dt className="w-24 shrink-0 text-slate-500">{name}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
      <Card>
        <CardHeader title={t("body")} />
        {text === null ? (
          <p className="text-sm text-slate-500">{t("noTextBody")}</p>
        ) : (
          <pre
            className="overflow-x-auto font-mono text-sm whitespace-pre-wrap"
            data-testid="receipt-text"
          >
            {text}
          </pre>
        )}
      </Card>
    </>
  );
}
