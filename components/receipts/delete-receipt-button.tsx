"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState, useTransition } from "react";
import { deleteReceiptAction } from "@/lib/actions/receipts";

export function DeleteReceiptButton({
  receiptId,
  caseId,
  name,
}: {
  receiptId: string;
  caseId: string;
  name: string;
}) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={`${t("receipts.delete")}: ${name}`}
        className="text-xs font-semibold text-red-700 hover:underline dark:text-red-300"
        onClick={() => {
          if (!window.confirm(t("receipts.deleteConfirm", { name }))) return;
          startTransition(async () => {
            const result = await deleteReceiptAction(receiptId, caseId);
            setError(result.status === "error" && result.message ? t(result.message) : null);
          });
        }}
      >
        {t("receipts.delete")}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}
