"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { reopenForChargeAction } from "@/lib/actions/charges";
import { useTranslations } from "@/lib/i18n/client";

/**
 * One click: the case goes back to "under review", the charge written into
 * its history. `version` is the case's as this page was rendered, so a case
 * changed since is refused as stale rather than reopened unseen.
 */
export function ReopenForChargeButton({
  caseId,
  version,
  transactionId,
}: {
  caseId: string;
  version: number;
  transactionId: string;
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(reopenForChargeAction);
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="transactionId" value={transactionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Button
        type="submit"
        variant="secondary"
        pending={pending}
        className="min-h-8 px-3 py-1 text-xs"
      >
        {pending ? t("charges.reopening") : t("charges.reopen")}
      </Button>
      <FormAlert state={state} retry={retry} success={null} />
    </form>
  );
}
