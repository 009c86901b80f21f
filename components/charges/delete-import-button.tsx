"use client";

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
        disabled={pending}
        aria-label={`${t("statements.delete")}: ${name}`}
        className="text-xs font-semibold text-red-700 hover:underline disabled:opacity-50 dark:text-red-300"
        onClick={() => {
          if (!window.confirm(t("statements.deleteConfirm", { name }))) return;
          run(() => deleteImportAction(importId));
        }}
      >
        {pending ? t("statements.deleting") : t("statements.delete")}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t(error)}
        </span>
      ) : null}
    </>
  );
}
