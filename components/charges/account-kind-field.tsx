"use client";

import { SelectField } from "@/components/ui/field";
import { EnumOptions } from "@/components/ui/enum-options";
import { defaultAccountKind } from "@/lib/domain/account-kinds";
import { ACCOUNT_KINDS, type AccountKind } from "@/lib/domain/dispute-deadlines";
import { useTranslations } from "@/lib/i18n/client";
import type { Preview } from "./statement-columns";

/**
 * The kind of a statement account: it picks the law a dispute of its charges
 * falls under. Empty ("Choose…") only where it must still be asked: a new
 * label on the import form whose file does not say (kindAssumedFrom).
 */
export function AccountKindField({
  id,
  value,
  onChange,
  errors,
  name = "accountKind",
  defaultValue,
  hint,
}: {
  id: string;
  /** What the choice does where it is made (default: the import form's words). */
  hint?: string;
  value?: string;
  onChange?: (kind: string) => void;
  errors?: string[];
  name?: string;
  defaultValue?: string;
}) {
  const t = useTranslations();
  return (
    <SelectField
      id={id}
      name={name}
      label={t("accounts.import.kind")}
      hint={hint ?? t("accounts.import.kindHint")}
      required
      errors={errors}
      {...(value !== undefined ? { value } : { defaultValue })}
      onChange={onChange ? (event) => onChange(event.target.value) : undefined}
    >
      {value === "" || defaultValue === "" ? (
        <option value="" disabled>
          {t("accounts.import.choose")}
        </option>
      ) : null}
      <EnumOptions values={ACCOUNT_KINDS} namespace="accounts.kinds" />
    </SelectField>
  );
}

/** The kind a new label takes from the chosen file (lib/domain/account-kinds.ts), or null: asked. */
export function kindAssumedFrom(preview: Preview | null): AccountKind | null {
  if (!preview || preview.format === "unreadable") return null;
  return defaultAccountKind(
    preview.format === "ofx"
      ? { ofxAccountType: preview.accountType, issuer: null }
      : { ofxAccountType: null, issuer: preview.issuer },
  );
}
