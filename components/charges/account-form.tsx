"use client";

import { Button } from "@/components/ui/button";
import { TextareaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateAccountAction } from "@/lib/actions/accounts";
import type { AccountDto } from "@/lib/data/statement-accounts";
import { useTranslations } from "@/lib/i18n/client";
import { AccountKindField } from "./account-kind-field";

/**
 * One statement account's kind and the details the letters to its bank are
 * filled from. A refused save keeps what was typed (useFormAction).
 */
export function AccountForm({ account }: { account: AccountDto }) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(updateAccountAction);
  const id = `account-${account.id}`;
  const errors = (name: string) => fieldErrors(t, state, name);
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="account-form">
      <FormAlert state={state} retry={retry} />
      <input type="hidden" name="accountId" value={account.id} />
      <div className="max-w-xs">
        <AccountKindField
          id={`${id}-kind`}
          defaultValue={account.accountKind}
          hint={t("accounts.section.kindHint")}
          errors={errors("accountKind")}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="space-y-4">
          <TextField
            id={`${id}-holder-name`}
            name="holderName"
            label={t("accounts.section.holderName")}
            hint={t("accounts.section.holderNameHint")}
            defaultValue={account.holderName ?? ""}
            maxLength={100}
            autoComplete="name"
            errors={errors("holderName")}
          />
          <TextareaField
            id={`${id}-holder-address`}
            name="holderAddress"
            label={t("accounts.section.holderAddress")}
            hint={t("accounts.section.addressHint")}
            defaultValue={account.holderAddress ?? ""}
            maxLength={300}
            rows={3}
            autoComplete="street-address"
            errors={errors("holderAddress")}
          />
        </div>
        <div className="space-y-4">
          <TextField
            id={`${id}-issuer-name`}
            name="issuerName"
            label={t("accounts.section.issuerName")}
            defaultValue={account.issuerName ?? ""}
            maxLength={100}
            autoComplete="off"
            errors={errors("issuerName")}
          />
          <TextareaField
            id={`${id}-issuer-address`}
            name="issuerAddress"
            label={t("accounts.section.issuerAddress")}
            hint={t("accounts.section.addressHint")}
            defaultValue={account.issuerAddress ?? ""}
            maxLength={300}
            rows={3}
            autoComplete="off"
            errors={errors("issuerAddress")}
          />
        </div>
      </div>
      <Button type="submit" variant="secondary" pending={pending}>
        {pending ? t("common.saving") : t("accounts.section.save")}
      </Button>
    </form>
  );
}
