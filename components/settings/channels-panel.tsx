"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import {
  addChannelRequest,
  removeChannelRequest,
  testChannelRequest,
  type ChannelOutcome,
} from "@/components/settings/channel-requests";
import {
  CHANNEL_KINDS,
  CHANNEL_NAME_MAX,
  channelErrorKey,
  SECRET_RULE,
  type ChannelKind,
} from "@/lib/domain/channels";
import { useTranslations } from "@/lib/i18n/client";

export type ChannelRow = {
  id: string;
  kind: ChannelKind;
  name: string;
  target: string;
  enabled: boolean;
  lastStatus: "sent" | "failed" | null;
  lastError: string | null;
  lastSent: string | null;
};

type Failure = Extract<ChannelOutcome, { ok: false }>;

/**
 * The user's channels with their last delivery, a test send and remove on
 * each, and the form that adds one (kind first: the fields follow it).
 * After each change the page is refreshed, so the list is the server's.
 */
export function ChannelsPanel({ channels }: { channels: ChannelRow[] }) {
  const t = useTranslations();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="max-w-xl space-y-5">
      {notice ? (
        <Alert tone="success" testId="channels-notice">
          {notice}
        </Alert>
      ) : null}
      {channels.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("channels.empty")}</p>
      ) : (
        <ul
          aria-label={t("channels.listLabel")}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
        >
          {channels.map((row) => (
            <ChannelItem key={row.id} row={row} done={setNotice} />
          ))}
        </ul>
      )}
      <AddChannel done={setNotice} />
    </div>
  );
}

function FailureAlert({ failure }: { failure: Failure | null }) {
  const t = useTranslations();
  if (!failure) return null;
  return <Alert tone="error">{t(failure.key, failure.values)}</Alert>;
}

function useChannelCall(done: (notice: string | null) => void) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function run(call: () => Promise<ChannelOutcome>, notice: string, after?: () => void) {
    setPending(true);
    setFailure(null);
    done(null);
    try {
      const outcome = await call();
      if (!outcome.ok) return setFailure(outcome);
      after?.();
      done(notice);
      router.refresh();
    } catch {
      // No answer at all: offline says so (what was typed stays in the form).
      const offline = typeof navigator !== "undefined" && navigator.onLine === false;
      setFailure({ ok: false, key: offline ? "common.offline" : "common.requestFailed" });
    } finally {
      setPending(false);
    }
  }
  return { pending, failure, run };
}

function AddChannel({ done }: { done: (notice: string | null) => void }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ChannelKind>("ntfy");
  const call = useChannelCall(done);
  if (!open) return <Button onClick={() => setOpen(true)}>{t("channels.add")}</Button>;
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
      () => setOpen(false),
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
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("channels.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The last error in the reader's language when it is one the senders write, else as stored. */
function useErrorText(): (stored: string) => string {
  const t = useTranslations("channels.errors");
  return (stored) => {
    const known = channelErrorKey(stored);
    return known ? t(known.key, known.values) : stored;
  };
}

function Status({ row }: { row: ChannelRow }) {
  const t = useTranslations();
  if (!row.enabled) return <Badge>{t("channels.off")}</Badge>;
  if (row.lastStatus === "sent") {
    return <Badge tone="success">{t("channels.sent", { date: row.lastSent ?? "" })}</Badge>;
  }
  if (row.lastStatus === "failed") {
    return <Badge tone="danger">{t("channels.failedAt", { date: row.lastSent ?? "" })}</Badge>;
  }
  return <Badge>{t("channels.never")}</Badge>;
}

function ChannelItem({ row, done }: { row: ChannelRow; done: (notice: string | null) => void }) {
  const t = useTranslations();
  const [confirming, setConfirming] = useState(false);
  const call = useChannelCall(done);
  const errorText = useErrorText();
  return (
    <li className="space-y-3 p-4" data-testid="channel-row">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <p className="font-medium break-words text-slate-900 dark:text-slate-100">{row.name}</p>
          <Status row={row} />
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t(`channels.kinds.${row.kind}`)}
        </p>
        <p className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">
          {row.target}
        </p>
        {row.lastStatus === "failed" && row.lastError ? (
          <p className="text-sm break-words text-red-700 dark:text-red-300">
            {t("channels.lastError", { error: errorText(row.lastError) })}
          </p>
        ) : null}
      </div>
      <FailureAlert failure={call.failure} />
      {confirming ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {t("channels.removeConfirm", { name: row.name })}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              variant="danger"
              pending={call.pending}
              onClick={() =>
                void call.run(() => removeChannelRequest(row.id), t("channels.removedNotice"))
              }
            >
              {call.pending ? t("channels.removing") : t("channels.removeYes")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t("channels.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            pending={call.pending}
            onClick={() =>
              void call.run(() => testChannelRequest(row.id), t("channels.testedNotice"))
            }
          >
            {call.pending ? t("channels.testing") : t("channels.test")}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            {t("channels.remove")}
          </Button>
        </div>
      )}
    </li>
  );
}
