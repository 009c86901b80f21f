"use client";

import { useTranslations } from "@/lib/i18n/client";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { transitionAction } from "@/lib/actions/cases";
import { OPTIONAL_STEPS, REJECTION_REASONS, type Move } from "@/lib/domain/case-workflow";
import { EnumOptions } from "@/components/ui/enum-options";

type Props = {
  caseId: string;
  version: number;
  moves: Move[];
  hasConfirmationNumber: boolean;
  receiptCount: number;
  /** Today in the user's zone: the latest day a step can have happened. */
  today: string;
  /** The day the case's latest step happened: the earliest a new one can have. */
  lastOccurredOn: string;
};

/** One form per kind of move; each asks the workflow's list, never decides itself. */
export function CaseActions({
  caseId,
  version,
  moves,
  hasConfirmationNumber,
  receiptCount,
  today,
  lastOccurredOn,
}: Props) {
  const t = useTranslations();
  // Every form here stays on the page after a move: emptied then, so a
  // comment written for one step is never saved again under the next.
  const {
    state,
    submit,
    retry: resend,
    pending,
    pendingValue,
  } = useFormAction(transitionAction, undefined, { resetOnSuccess: true });
  const errors = (name: string) => fieldErrors(t, state, name);
  const moved = state.status === "ok" ? state.data?.state : undefined;
  const label = (to: string, idle: string) => (pendingValue === to ? t("cases.moving") : idle);

  const advance = moves.filter((m) => m.kind === "advance");
  const retry = moves.filter((m) => m.kind === "retry");
  const reject = moves.find((m) => m.kind === "reject");
  const withdraw = moves.find((m) => m.kind === "withdraw");
  const reopen = moves.find((m) => m.kind === "reopen");
  const confirms = advance.some((m) => m.to === "confirmation_received");
  const hidden = (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
  // Steps happen before they are written down ("cancelled effective Dec 9").
  const occurredOn = (id: string) => (
    <TextField
      id={id}
      name="occurredOn"
      type="date"
      required
      defaultValue={today < lastOccurredOn ? lastOccurredOn : today}
      min={lastOccurredOn}
      max={today < lastOccurredOn ? lastOccurredOn : today}
      label={t("cases.occurredOn")}
      hint={t("cases.occurredOnHint")}
      errors={errors("occurredOn")}
    />
  );

  return (
    <div className="space-y-5">
      <FormAlert
        state={state}
        retry={resend}
        success={moved ? t("cases.moved", { step: t(`domain.state.${moved}`) }) : null}
        testId="case-action-message"
      />

      {advance.length > 0 || retry.length > 0 ? (
        <form onSubmit={submit} className="space-y-4" aria-label={t("cases.actions")}>
          {hidden}
          {confirms ? (
            <TextField
              id="confirmationNumber"
              name="confirmationNumber"
              maxLength={100}
              autoComplete="off"
              label={t("cases.confirmationNumber")}
              hint={hasConfirmationNumber ? undefined : t("cases.confirmationHint")}
              errors={errors("confirmationNumber")}
            />
          ) : null}
          {confirms && !hasConfirmationNumber && receiptCount === 0 ? (
            <p
              className="rounded-xl bg-slate-50 p-3 text-sm text-slate-600 dark:bg-slate-800/40 dark:text-slate-300"
              data-testid="confirmation-upload"
            >
              {t("receipts.evidenceHint")}{" "}
              <a
                href="#receipts"
                className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {t("receipts.evidenceLink")}
              </a>
            </p>
          ) : null}
          {occurredOn("move-occurred-on")}
          <TextareaField
            id="move-comment"
            name="comment"
            rows={2}
            maxLength={2000}
            label={t("cases.comment")}
            errors={errors("comment")}
          />
          <div className="flex flex-wrap gap-2">
            {advance.map((move, index) => (
              <Button
                key={move.to}
                type="submit"
                name="to"
                value={move.to}
                variant={index === 0 ? "primary" : "secondary"}
                pending={pending}
              >
                {label(
                  move.to,
                  index === 0 && move.again && move.to === "request_submitted"
                    ? t("cases.retryRequest")
                    : move.again && OPTIONAL_STEPS.has(move.to)
                      ? t("cases.doAgain", { step: t(`domain.state.${move.to}`) })
                      : index > 0
                        ? t("cases.skipTo", { step: t(`domain.state.${move.to}`) })
                        : move.to === "confirmation_received"
                          ? t("cases.confirm")
                          : t("cases.complete", { step: t(`domain.state.${move.to}`) }),
                )}
              </Button>
            ))}
            {retry.map((move) => (
              <Button
                key={move.to}
                type="submit"
                name="to"
                value={move.to}
                variant="primary"
                pending={pending}
              >
                {label(
                  move.to,
                  move.to === "bill_checked" ? t("cases.retryBill") : t("cases.retryRequest"),
                )}
              </Button>
            ))}
          </div>
          {advance.length > 1 ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("cases.skipHint")}</p>
          ) : null}
        </form>
      ) : null}

      {reject ? (
        <details className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-semibold text-red-700 dark:text-red-300">
            {t("cases.reject")}
          </summary>
          <form onSubmit={submit} className="mt-4 space-y-4">
            {hidden}
            <SelectField
              id="rejectionReason"
              name="rejectionReason"
              label={t("cases.rejectionReason")}
              defaultValue="unpaid_balance"
              errors={errors("rejectionReason")}
            >
              <EnumOptions values={REJECTION_REASONS} namespace="domain.rejection" />
            </SelectField>
            {occurredOn("reject-occurred-on")}
            <TextareaField
              id="reject-comment"
              name="comment"
              rows={2}
              maxLength={2000}
              label={t("cases.comment")}
            />
            <Button type="submit" name="to" value="rejected" variant="danger" pending={pending}>
              {label("rejected", t("cases.reject"))}
            </Button>
          </form>
        </details>
      ) : null}

      {reopen ? (
        <form onSubmit={submit} className="space-y-4">
          {hidden}
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("cases.reopenHint")}</p>
          {occurredOn("reopen-occurred-on")}
          <TextareaField
            id="reopen-comment"
            name="comment"
            rows={2}
            maxLength={2000}
            required
            label={t("cases.commentRequired")}
            errors={errors("comment")}
          />
          <Button
            type="submit"
            name="to"
            value="under_review"
            variant="secondary"
            pending={pending}
          >
            {label("under_review", t("cases.reopen"))}
          </Button>
        </form>
      ) : null}

      {withdraw ? (
        <form
          onSubmit={(event) => {
            if (!window.confirm(t("cases.withdrawConfirm"))) {
              event.preventDefault();
              return;
            }
            submit(event);
          }}
          className="border-t border-slate-100 pt-4 dark:border-slate-800"
        >
          {hidden}
          <Button type="submit" name="to" value="withdrawn" variant="ghost" pending={pending}>
            {label("withdrawn", t("cases.withdraw"))}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
