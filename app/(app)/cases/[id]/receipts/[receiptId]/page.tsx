import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { readReceiptHead } from "@/lib/data/receipts";
import { EMAIL_SHOWN_BYTES, type EmailAsText } from "@/lib/documents/email-text";
import { isAppError } from "@/lib/errors/app-error";
import { orNotFound } from "@/lib/http/or-not-found";
import { BackLink } from "@/components/ui/back-link";
import { isFileLimitError, runFileJob } from "@/lib/workers/pool";

export const metadata: Metadata = { robots: { index: false } };

/** A text or .eml receipt shown as text: React escapes it, and no HTML part is ever rendered. */
export default async function ReceiptTextPage({
  params,
}: {
  params: Promise<{ id: string; receiptId: string }>;
}) {
  const user = await requireUser();
  const { id, receiptId } = await params;
  const { receipt, bytes } = await orNotFound(readReceiptHead(user, receiptId, EMAIL_SHOWN_BYTES));
  if (receipt.caseId !== id || !["text/plain", "message/rfc822"].includes(receipt.mimeType))
    notFound();
  const t = await getTranslations("receipts");
  const isEmail = receipt.mimeType === "message/rfc822";
  // Uploads are checked, but a file stored before that check may still be unreadable.
  const email: EmailAsText | "unreadable" | null = isEmail
    ? await runFileJob({ kind: "email", bytes }).catch((error: unknown) => {
        // Parsed in the worker pool; a full pool is a 503 to retry, not an unreadable file.
        if (isFileLimitError(error) || (isAppError(error) && error.code !== "busy"))
          return "unreadable" as const;
        throw error;
      })
    : null;
  const text =
    email === "unreadable" ? null : email ? email.text : new TextDecoder("utf-8").decode(bytes);

  return (
    <>
      <BackLink href={`/cases/${id}`} label={t("back")} />
      <h1 className="mb-6 text-2xl font-bold tracking-tight break-all text-slate-900 dark:text-white">
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
