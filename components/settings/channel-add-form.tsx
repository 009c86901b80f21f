"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FailureAlert, useSettingsCall } from "@/components/settings/settings-call";
import { addChannelRequest } from "@/components/settings/channel-requests";
import {
  CHANNEL_KINDS,
  CHANNEL_NAME_MAX,
  SECRET_RULE,
  type ChannelKind,
} from "@/lib/domain/channels";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The form that adds a channel (kind first: the fields follow it). Its code
 * is fetched when "Add a channel" is first pointed at or pressed
 * (lazy-settings-forms.tsx), not with Settings.
 */
export function AddChannelForm({
  done,
  close,
}: {
  done: (notice: string | null) => void;
  close: () => void;
}) {
  const t = useTranslations();
  const [kind, setKind] = useState<ChannelKind>("ntfy");
  const call = useSettingsCall(done, "common.requestFailed");
  const rule = SECRET_RULE[kind];
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const secret = String(form.get("secret") ?? "");
    void call.run(
      () =>
        addChannelRequest({
          kind,
          name: String(form.get("name") ?? ""),
          target: String(form.get("target") ?? ""),
          ...(rule !== "none" && secret ? { secret } : {}),
        }),
      t("channels.addedNotice"),
      close,
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="channel-add-form">
      <FailureAlert failure={call.failure} />
      <SelectField
        id="channel-kind"
        name="kind"
        label={t("channels.kindLabel")}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as ChannelKind)}
      >
        {CHANNEL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`channels.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="channel-name"
        name="name"
        required
        maxLength={CHANNEL_NAME_MAX}
        label={t("channels.nameLabel")}
        defaultValue={t(`channels.kinds.${kind}`)}
        key={`name-${kind}`}
      />
      <TextField
        id="channel-target"
        name="target"
        required
        autoComplete="off"
        spellCheck={false}
        label={t(`channels.targetLabels.${kind}`)}
        hint={t(`channels.targetHints.${kind}`)}
        key={`target-${kind}`}
      />
      {rule === "none" ? null : (
        <TextField
          id="channel-secret"
          name="secret"
          type="password"
          autoComplete="off"
          required={rule === "required"}
          label={t(`channels.secretLabels.${kind}`)}
          hint={t(rule === "required" ? "channels.secretHint" : "channels.secretHintOptional")}
          key={`secret-${kind}`}
        />
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={call.pending}>
          {call.pending ? t("channels.creating") : t("channels.create")}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t("channels.cancel")}
        </Button>
      </div>
    </form>
  );
}
