"use client";

import { useTranslations } from "@/lib/i18n/client";
import { pendingProps } from "@/components/ui/button";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
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
  const { pending, error, run } = useActionCall();
  return (
    <>
      <button
        type="button"
        aria-label={`${t("receipts.delete")}: ${name}`}
        className="text-xs font-semibold text-red-700 hover:underline dark:text-red-300"
        {...pendingProps(pending, () => {
          if (!window.confirm(t("receipts.deleteConfirm", { name }))) return;
          run(() => deleteReceiptAction(receiptId, caseId));
        })}
      >
        {t("receipts.delete")}
      </button>
      <ActionError
        message={error ? t(error) : null}
        className="mt-1 text-xs text-red-700 dark:text-red-300"
      />
    </>
  );
}
