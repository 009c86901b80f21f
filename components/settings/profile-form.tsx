"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-state";
import { useDeviceTimeZone } from "@/components/ui/use-device-time-zone";
import type { TimeZoneOption } from "@/lib/domain/time-zones";
import { useFormAction } from "@/components/ui/use-form-action";
import { updatePreferencesAction } from "@/lib/actions/settings";
import { LOCALES, type Locale } from "@/lib/domain/locales";
import { LOCALE_LABELS } from "@/lib/i18n/locales";

export function ProfileForm({
  name,
  locale,
  timeZone,
  timeZones,
}: {
  name: string;
  locale: Locale;
  timeZone: string;
  timeZones: { common: TimeZoneOption[]; other: TimeZoneOption[] };
}) {
  const t = useTranslations();
  const { state, submit, retry, pending } = useFormAction(updatePreferencesAction);
  const [zone, setZone] = useState(timeZone);
  const deviceZone = useDeviceTimeZone();
  const labelOf = (value: string) =>
    [...timeZones.common, ...timeZones.other].find((option) => option.value === value)?.label;

  return (
    <form onSubmit={submit} className="max-w-xl space-y-5">
      <FormAlert state={state} retry={retry} />
      <TextField
        id="profile-name"
        name="name"
        label={t("auth.name")}
        defaultValue={name}
        maxLength={100}
        autoComplete="name"
        errors={fieldErrors(t, state, "name")}
      />
      <SelectField
        id="profile-locale"
        name="locale"
        label={t("common.language")}
        defaultValue={locale}
        errors={fieldErrors(t, state, "locale")}
      >
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LOCALE_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <div className="space-y-2">
        <SelectField
          id="profile-time-zone"
          name="timeZone"
          label={t("settings.timeZone")}
          hint={t("settings.timeZoneHint")}
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          errors={fieldErrors(t, state, "timeZone")}
        >
          <optgroup label={t("settings.timeZonesCommon")}>
            {timeZones.common.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("settings.timeZonesAll")}>
            {timeZones.other.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        </SelectField>
        {deviceZone && deviceZone !== zone && labelOf(deviceZone) ? (
          <button
            type="button"
            onClick={() => setZone(deviceZone)}
            className="text-sm font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
          >
            {t("settings.useBrowserTimeZone", { timeZone: labelOf(deviceZone)! })}
          </button>
        ) : null}
      </div>
      <Button type="submit" pending={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
