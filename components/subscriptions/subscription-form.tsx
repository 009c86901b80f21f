"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Link } from "@/components/ui/link";
import { FormAlert } from "@/components/ui/form-alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { CheckboxField, SelectField, TextareaField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveSubscriptionAction } from "@/lib/actions/subscriptions";
import { BILLING_CYCLES } from "@/lib/domain/subscriptions";
import { SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";
import { EnumOptions } from "@/components/ui/enum-options";
import { defaultPatterns } from "@/lib/domain/merchant-patterns";
import { PlaybookPicker } from "@/components/playbooks/playbook-picker";
import type { PlaybookNames } from "@/lib/playbooks/match";
import { useState } from "react";

export type SubscriptionFormValues = {
  id?: string;
  provider: string;
  category: string;
  plan: string;
  amount: string;
  currency: string;
  billingCycle: string;
  nextRenewalOn: string;
  accountRef: string;
  paymentMethod: string;
  autoRenew: boolean;
  cancelUrl: string;
  notes: string;
  /** The plan's own statement names, one a line; "" while they follow the provider's name. */
  merchantPatterns: string;
  /** Its provider playbook's slug; "" for none. */
  playbookSlug: string;
  /** "": not on a free trial. */
  trialEndsOn: string;
  /** Its own lead times, "30, 7, 1"; "": the user's (Settings → Notifications). */
  remindDaysBefore: string;
  /** "": no notice period. */
  noticeDays: string;
};

// The currencies people here pay in most; any ISO-4217 code can be typed via the API.
const CURRENCIES = [
  "USD",
  "CNY",
  "CAD",
  "EUR",
  "GBP",
  "HKD",
  "TWD",
  "JPY",
  "KRW",
  "SGD",
  "AUD",
  "MXN",
];

export function SubscriptionForm({
  values,
  cancelHref,
  playbooks,
}: {
  values: SubscriptionFormValues;
  cancelHref: string;
  /** Every playbook, to suggest one from the provider's name and to choose from. */
  playbooks: PlaybookNames[];
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(saveSubscriptionAction);
  const errors = (name: string) => fieldErrors(t, state, name);
  const [provider, setProvider] = useState(values.provider);
  const currencies = CURRENCIES.includes(values.currency)
    ? CURRENCIES
    : [values.currency, ...CURRENCIES];

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-6" noValidate>
      <FormAlert state={state} retry={retry} success={null} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <TextField
          id="provider"
          name="provider"
          required
          maxLength={100}
          autoFocus
          label={t("subscriptions.provider")}
          placeholder={t("subscriptions.providerPlaceholder")}
          defaultValue={values.provider}
          onChange={(event) => setProvider(event.target.value)}
          errors={errors("provider")}
        />
        <SelectField
          id="category"
          name="category"
          label={t("subscriptions.category")}
          defaultValue={values.category}
          errors={errors("category")}
        >
          <EnumOptions values={SUBSCRIPTION_CATEGORIES} namespace="domain.category" />
        </SelectField>
        <TextField
          id="plan"
          name="plan"
          maxLength={100}
          label={t("subscriptions.plan")}
          placeholder={t("subscriptions.planPlaceholder")}
          defaultValue={values.plan}
          errors={errors("plan")}
        />
        <TextField
          id="paymentMethod"
          name="paymentMethod"
          maxLength={60}
          label={t("subscriptions.paymentMethod")}
          placeholder={t("subscriptions.paymentMethodPlaceholder")}
          defaultValue={values.paymentMethod}
          errors={errors("paymentMethod")}
        />
      </div>
      <PlaybookPicker
        provider={provider}
        choices={playbooks}
        initial={values.playbookSlug}
        follow={!values.id}
        errors={errors("playbookSlug")}
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-3">
        <TextField
          id="amount"
          name="amount"
          inputMode="decimal"
          required
          label={t("subscriptions.amount")}
          placeholder="$30.00"
          defaultValue={values.amount}
          errors={errors("amount")}
        />
        <SelectField
          id="currency"
          name="currency"
          label={t("subscriptions.currency")}
          defaultValue={values.currency}
          errors={errors("currency")}
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="billingCycle"
          name="billingCycle"
          label={t("subscriptions.billingCycle")}
          defaultValue={values.billingCycle}
          errors={errors("billingCycle")}
        >
          <EnumOptions values={BILLING_CYCLES} namespace="domain.cycle" />
        </SelectField>
      </div>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <TextField
          id="nextRenewalOn"
          name="nextRenewalOn"
          type="date"
          label={t("subscriptions.nextRenewal")}
          defaultValue={values.nextRenewalOn}
          errors={errors("nextRenewalOn")}
        />
        <TextField
          id="accountRef"
          name="accountRef"
          maxLength={100}
          autoComplete="off"
          label={t("subscriptions.accountRef")}
          hint={t("subscriptions.accountRefHint")}
          defaultValue={values.accountRef}
          errors={errors("accountRef")}
        />
      </div>
      <TextField
        id="trialEndsOn"
        name="trialEndsOn"
        type="date"
        label={t("subscriptions.trialEndsOn")}
        hint={t("subscriptions.trialEndsOnHint")}
        defaultValue={values.trialEndsOn}
        errors={errors("trialEndsOn")}
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <TextField
          id="remindDaysBefore"
          name="remindDaysBefore"
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
          label={t("reminderRules.leadTimes")}
          hint={t("reminderRules.leadTimesHint")}
          placeholder="30, 7, 1"
          defaultValue={values.remindDaysBefore}
          errors={errors("remindDaysBefore")}
        />
        <TextField
          id="noticeDays"
          name="noticeDays"
          type="number"
          min={0}
          max={365}
          inputMode="numeric"
          label={t("reminderRules.noticeDays")}
          hint={t("reminderRules.noticeDaysHint")}
          defaultValue={values.noticeDays}
          errors={errors("noticeDays")}
        />
      </div>
      <TextField
        id="cancelUrl"
        name="cancelUrl"
        // Not type="url": that refuses "mintmobile.com/account", which the server completes.
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2000}
        label={t("subscriptions.cancelUrl")}
        hint={t("subscriptions.cancelUrlHint")}
        placeholder="www.example.com/account"
        defaultValue={values.cancelUrl}
        errors={errors("cancelUrl")}
      />
      <CheckboxField
        id="autoRenew"
        name="autoRenew"
        label={t("subscriptions.autoRenew")}
        defaultChecked={values.autoRenew}
      />
      <TextareaField
        id="notes"
        name="notes"
        maxLength={5000}
        label={t("subscriptions.notes")}
        defaultValue={values.notes}
        errors={errors("notes")}
      />
      <TextareaField
        id="merchantPatterns"
        name="merchantPatterns"
        rows={2}
        maxLength={700}
        spellCheck={false}
        autoComplete="off"
        label={t("subscriptions.merchantPatterns")}
        hint={t("subscriptions.merchantPatternsHint")}
        placeholder={defaultPatterns(values.provider).join("\n") || "MINT MOBILE"}
        defaultValue={values.merchantPatterns}
        errors={errors("merchantPatterns")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          {pending
            ? t("common.saving")
            : values.id
              ? t("subscriptions.update")
              : t("subscriptions.create")}
        </Button>
        <Link href={cancelHref} className={buttonClasses("secondary")}>
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}
