"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FailureAlert, useSettingsCall } from "@/components/settings/settings-call";
import { LazyAddChannelForm } from "@/components/settings/lazy-settings-forms";
import { ManagedList } from "@/components/settings/managed-list";
import type { ChannelKind } from "@/lib/domain/channels";
import { useTranslations } from "@/lib/i18n/client";

// The requests (and their error messages) are fetched on the first click
// that makes one (test or remove a channel), not with Settings (issue 37's 150 kB).
const requests = () => import("@/components/settings/channel-requests");

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

/**
 * The user's channels with their last delivery, a test send and remove on
 * each, and the form that adds one (kind first: the fields follow it).
 * After each change the page is refreshed, so the list is the server's.
 */
export function ChannelsPanel({ channels }: { channels: ChannelRow[] }) {
  return (
    <ManagedList
      ns="channels"
      rows={channels}
      item={(row, done) => <ChannelItem key={row.id} row={row} done={done} />}
      addForm={(done, close) => <LazyAddChannelForm done={done} close={close} />}
    />
  );
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
  const call = useSettingsCall(done, "common.requestFailed");
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
            {t("channels.lastError", { error: row.lastError })}
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
                void call.run(
                  () => requests().then((r) => r.removeChannelRequest(row.id)),
                  t("channels.removedNotice"),
                )
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
              void call.run(
                () => requests().then((r) => r.testChannelRequest(row.id)),
                t("channels.testedNotice"),
              )
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
