"use client";

import { pendingProps } from "@/components/ui/button";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { deleteImportAction } from "@/lib/actions/charges";
import { useTranslations } from "@/lib/i18n/client";

export function DeleteImportButton({ importId, name }: { importId: string; name: string }) {
  const t = useTranslations();
  const { pending, error, run } = useActionCall();
  return (
    <>
      <button
        type="button"
        aria-label={`${t("statements.delete")}: ${name}`}
        className="text-xs font-semibold text-red-700 hover:underline aria-disabled:opacity-50 dark:text-red-300"
        {...pendingProps(pending, () => {
          if (!window.confirm(t("statements.deleteConfirm", { name }))) return;
          run(() => deleteImportAction(importId));
        })}
      >
        {pending ? t("statements.deleting") : t("statements.delete")}
      </button>
      <ActionError
        message={error ? t(error) : null}
        className="text-xs text-red-700 dark:text-red-300"
      />
    </>
  );
}
