"use client";

import { useMemo, useState } from "react";
import { SelectField } from "@/components/ui/field";
import { useTranslations } from "@/lib/i18n/client";
import { matchPlaybook, type PlaybookNames } from "@/lib/playbooks/match";

/**
 * The subscription form's playbook: a choice of every playbook or none, and
 * a suggestion from the provider's name as it is typed. On a new
 * subscription the choice follows the name until the user makes one; then
 * the suggestion only offers itself ("use its playbook").
 */
export function PlaybookPicker({
  provider,
  choices,
  initial,
  follow,
  errors,
}: {
  provider: string;
  choices: PlaybookNames[];
  initial: string;
  /** A new subscription: the choice is the name's match until the user picks. */
  follow: boolean;
  errors?: string[];
}) {
  const t = useTranslations("playbooks");
  const [picked, setPicked] = useState<string | null>(follow ? null : initial);
  const match = useMemo(() => matchPlaybook(provider, choices), [provider, choices]);
  const value = picked ?? match ?? "";
  const matchName = choices.find((choice) => choice.slug === match)?.name;

  return (
    <div className="space-y-2">
      <SelectField
        id="playbookSlug"
        name="playbookSlug"
        label={t("formLabel")}
        hint={t("formHint")}
        value={value}
        onChange={(event) => setPicked(event.target.value)}
        errors={errors}
      >
        <option value="">{t("formNone")}</option>
        {choices.map((choice) => (
          <option key={choice.slug} value={choice.slug}>
            {choice.name}
          </option>
        ))}
      </SelectField>
      <div aria-live="polite" data-testid="playbook-suggestion">
        {match && matchName && value !== match ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t("suggest", { name: matchName })}</span>
            <button
              type="button"
              className="font-semibold text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              onClick={() => setPicked(match)}
            >
              {t("useIt")}
            </button>
          </p>
        ) : match && matchName && picked === null ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t("suggested", { name: matchName })}</span>
            <button
              type="button"
              className="font-semibold text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              onClick={() => setPicked("")}
            >
              {t("dontUse")}
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
