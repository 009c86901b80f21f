"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldErrors } from "@/components/ui/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveNotificationSettingsAction } from "@/lib/actions/settings";
import { NotificationTestButton } from "./notification-test-button";
import type { NotificationSettingsView } from "@/lib/notifications/settings";

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/**
 * Settings → Notifications: the channels, when the digest goes, quiet hours,
 * and which reminders. Push on *this* device is switched by PushDevice, which
 * is given as `pushDevice` (it talks to the browser, not to this form).
 */
export function NotificationsForm({
  settings,
  email,
  zoneLabel,
  pushDevice,
}: {
  settings: NotificationSettingsView;
  email: string;
  zoneLabel: string;
  pushDevice: React.ReactNode;
}) {
  const t = useTranslations("notifications");
  const tAll = useTranslations();
  const { state, submit, retry, pending } = useFormAction(saveNotificationSettingsAction);
  const [quiet, setQuiet] = useState(settings.quietHours !== null);
  const errors = (name: string) => fieldErrors(tAll, state, name);

  return (
    <form onSubmit={submit} className="max-w-xl space-y-6" data-testid="notifications-form">
      <FormAlert state={state} retry={retry} />
      <Fieldset legend={t("channels")}>
        {settings.emailAvailable ? (
          <>
            <input type="hidden" name="emailShown" value="1" />
            <CheckboxField
              id="notify-email"
              name="email"
              label={t("email", { email })}
              defaultChecked={settings.channels.email}
            />
          </>
        ) : (
          <Alert tone="info" testId="email-not-set-up">
            {t("emailOff")}
          </Alert>
        )}
        <CheckboxField
          id="notify-push"
          name="push"
          label={t("push")}
          defaultChecked={settings.channels.push}
        />
        <div className="pl-7">{pushDevice}</div>
        <NotificationTestButton />
      </Fieldset>

      <Fieldset legend={t("delivery")}>
        {(["digest", "each"] as const).map((mode) => (
          <label
            key={mode}
            className="flex items-center gap-3 text-sm font-medium text-slate-800 dark:text-slate-200"
          >
            <input
              type="radio"
              name="delivery"
              value={mode}
              defaultChecked={settings.delivery === mode}
              className="size-4 accent-indigo-600"
            />
            {t(mode)}
          </label>
        ))}
        <div className="space-y-1.5">
          <div className="w-40">
            <TextField
              id="notify-digest-time"
              name="digestTime"
              type="time"
              label={t("digestTime")}
              aria-describedby={
                errors("digestTime")?.length
                  ? "notify-digest-time-zone notify-digest-time-error"
                  : "notify-digest-time-zone"
              }
              defaultValue={settings.digestTime}
              required
              errors={errors("digestTime")}
            />
          </div>
          <p id="notify-digest-time-zone" className="text-xs text-slate-500 dark:text-slate-400">
            {t("digestTimeHint", { zone: zoneLabel })}
          </p>
        </div>
        <CheckboxField
          id="notify-quiet"
          name="quiet"
          label={t("quiet")}
          checked={quiet}
          onChange={(event) => setQuiet(event.target.checked)}
        />
        {quiet ? (
          <div className="flex flex-wrap gap-4 pl-7">
            <div className="w-40">
              <TextField
                id="notify-quiet-from"
                name="quietFrom"
                type="time"
                label={t("quietFrom")}
                defaultValue={settings.quietHours?.from ?? "22:00"}
                required
                errors={errors("quietHours.from")}
              />
            </div>
            <div className="w-40">
              <TextField
                id="notify-quiet-to"
                name="quietTo"
                type="time"
                label={t("quietTo")}
                defaultValue={settings.quietHours?.to ?? "07:00"}
                required
                errors={errors("quietHours.to")}
              />
            </div>
          </div>
        ) : null}
      </Fieldset>

      <Fieldset legend={t("remindersTitle")}>
        <CheckboxField
          id="notify-follow-ups"
          name="followUps"
          label={t("followUps")}
          defaultChecked={settings.reminders.followUps}
        />
        <CheckboxField
          id="notify-renewals"
          name="renewals"
          label={t("renewals")}
          defaultChecked={settings.reminders.renewals}
        />
        <div className="max-w-xs pl-7">
          <TextField
            id="notify-renewal-days"
            name="renewalDays"
            label={t("renewalDays")}
            hint={t("renewalDaysHint")}
            inputMode="numeric"
            defaultValue={settings.reminders.renewalDays.join(", ")}
            errors={errors("reminders.renewalDays")}
          />
        </div>
        <CheckboxField
          id="notify-review"
          name="review"
          label={t("review")}
          defaultChecked={settings.reminders.review}
        />
        <div className="max-w-xs pl-7">
          <TextField
            id="notify-review-days"
            name="reviewDays"
            label={t("reviewDays")}
            type="number"
            min={1}
            max={90}
            defaultValue={settings.reminders.reviewDays}
            errors={errors("reminders.reviewDays")}
          />
        </div>
        <CheckboxField
          id="notify-statement"
          name="statement"
          label={t("statement")}
          defaultChecked={settings.reminders.statement}
        />
      </Fieldset>
      <Button type="submit" pending={pending}>
        {pending ? tAll("common.saving") : tAll("common.save")}
      </Button>
    </form>
  );
}
