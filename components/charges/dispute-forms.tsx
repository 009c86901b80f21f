"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { fileDisputeAction, updateDisputeAction } from "@/lib/actions/disputes";
import { CLOSED_DISPUTE_STATUSES, DISPUTE_CHANNELS } from "@/lib/domain/dispute-kinds";
import { useTranslations } from "@/lib/i18n/client";

// The forms of a flagged charge's dispute (./dispute-tracker.tsx shows it):
// file it, then record a provisional credit or the outcome. Each day
// defaults to today on the server when left empty.

const small = "min-h-8 px-3 py-1 text-xs";

export function FileDisputeForm({
  transactionId,
  caseId,
  today,
}: {
  transactionId: string;
  caseId?: string;
  today: string;
}) {
  const t = useTranslations();
  const id = useId();
  const { state, submit, retry, pending } = useFormAction(fileDisputeAction);
  return (
    <form onSubmit={submit} className="grid gap-2 sm:grid-cols-3" data-testid="file-dispute-form">
      <input type="hidden" name="transactionId" value={transactionId} />
      {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
      <p className="text-xs text-slate-600 sm:col-span-3 dark:text-slate-400">
        {t("disputes.fileHint")}
      </p>
      <TextField
        id={`${id}-on`}
        name="filedOn"
        type="date"
        required
        max={today}
        defaultValue={today}
        label={t("disputes.filedOn")}
        errors={fieldErrors(t, state, "filedOn")}
      />
      <SelectField
        id={`${id}-channel`}
        name="channel"
        label={t("disputes.channelLabel")}
        defaultValue="online"
        errors={fieldErrors(t, state, "channel")}
      >
        {DISPUTE_CHANNELS.map((channel) => (
          <option key={channel} value={channel}>
            {t(`disputes.channel.${channel}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-ref`}
        name="reference"
        maxLength={100}
        label={t("disputes.reference")}
        errors={fieldErrors(t, state, "reference")}
      />
      <div className="sm:col-span-3">
        <Button type="submit" variant="secondary" pending={pending} className={small}>
          {pending ? t("common.saving") : t("disputes.submitFile")}
        </Button>
      </div>
      <div className="sm:col-span-3">
        <FormAlert state={state} retry={retry} />
      </div>
    </form>
  );
}

const DAY_FIELD = {
  acknowledged: "acknowledgedOn",
  credit: "provisionalCreditOn",
  outcome: "resolvedOn",
} as const;
const DAY_LABEL = {
  acknowledged: "disputes.acknowledgedOn",
  credit: "disputes.creditOn",
  outcome: "disputes.outcomeOn",
} as const;
const SAVE_LABEL = {
  acknowledged: "disputes.saveAcknowledged",
  credit: "disputes.saveCredit",
  outcome: "disputes.saveOutcome",
} as const;

/** The bank's acknowledgement (`kind: "acknowledged"`), a provisional credit (`"credit"`) or an outcome (`"outcome"`) of an open dispute. */
export function DisputeStepForm({
  kind,
  disputeId,
  caseId,
  currency,
  today,
}: {
  kind: "acknowledged" | "credit" | "outcome";
  disputeId: string;
  caseId?: string;
  currency: string;
  today: string;
}) {
  const t = useTranslations();
  const id = useId();
  const { state, submit, retry, pending } = useFormAction(updateDisputeAction);
  const day = DAY_FIELD[kind];
  return (
    <form
      onSubmit={submit}
      className="grid gap-2 sm:grid-cols-3"
      data-testid={`dispute-${kind}-form`}
    >
      <input type="hidden" name="disputeId" value={disputeId} />
      <input type="hidden" name="currency" value={currency} />
      {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
      {kind === "credit" ? (
        <>
          <input type="hidden" name="status" value="provisional_credit" />
          <TextField
            id={`${id}-amount`}
            name="provisionalCreditAmount"
            inputMode="decimal"
            label={t("disputes.creditAmount", { currency })}
            errors={fieldErrors(t, state, "provisionalCreditAmount")}
          />
        </>
      ) : kind === "outcome" ? (
        <SelectField
          id={`${id}-status`}
          name="status"
          label={t("disputes.outcome")}
          defaultValue="credited"
          errors={fieldErrors(t, state, "status")}
        >
          {CLOSED_DISPUTE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`disputes.status.${status}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        id={`${id}-on`}
        name={day}
        type="date"
        max={today}
        defaultValue={today}
        label={t(DAY_LABEL[kind])}
        errors={fieldErrors(t, state, day)}
      />
      <div className="self-end">
        <Button type="submit" variant="secondary" pending={pending} className={small}>
          {pending ? t("common.saving") : t(SAVE_LABEL[kind])}
        </Button>
      </div>
      <div className="sm:col-span-3">
        <FormAlert state={state} retry={retry} />
      </div>
    </form>
  );
}
