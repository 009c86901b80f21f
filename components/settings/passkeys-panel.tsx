"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { LazyAddPasskeyForm } from "@/components/settings/lazy-settings-forms";
import { ManagedList } from "@/components/settings/managed-list";
import { FailureAlert, useSettingsCall } from "@/components/settings/settings-call";
import { PASSKEY_NAME_MAX } from "@/lib/domain/passkeys";
import { useTranslations } from "@/lib/i18n/client";

// The requests (and their error messages) are fetched on the first click
// that makes one (rename or remove a passkey), not with Settings (issue 37's 150 kB).
const requests = () => import("@/components/settings/passkey-requests");

export type PasskeyRow = { id: string; name: string; added: string; lastUsed: string | null };

/**
 * The list of passkeys with rename and remove on each, and the form that
 * adds one (current password, a name, then the device's own prompt). After
 * each change the page is refreshed, so the list is always the server's.
 */
export function PasskeysPanel({ passkeys }: { passkeys: PasskeyRow[] }) {
  return (
    <ManagedList
      ns="passkeys"
      rows={passkeys}
      item={(row, done) => <PasskeyItem key={row.id} row={row} done={done} />}
      addForm={(done, close) => <LazyAddPasskeyForm done={done} close={close} />}
    />
  );
}

function PasskeyItem({ row, done }: { row: PasskeyRow; done: (notice: string | null) => void }) {
  const t = useTranslations();
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  const call = useSettingsCall(done, "passkeys.failed");
  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    void call.run(
      () => requests().then((r) => r.renamePasskeyRequest(row.id, name)),
      t("passkeys.renamedNotice"),
      () => setMode("view"),
    );
  }
  return (
    <li className="space-y-3 p-4" data-testid="passkey-row">
      <div className="min-w-0">
        <p className="font-medium break-words text-slate-900 dark:text-slate-100">{row.name}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("passkeys.added", { date: row.added })} ·{" "}
          {row.lastUsed ? t("passkeys.lastUsed", { date: row.lastUsed }) : t("passkeys.neverUsed")}
        </p>
      </div>
      <FailureAlert failure={call.failure} />
      {mode === "rename" ? (
        <form onSubmit={rename} className="space-y-3">
          <TextField
            id={`passkey-rename-${row.id}`}
            name="name"
            required
            autoFocus
            maxLength={PASSKEY_NAME_MAX}
            defaultValue={row.name}
            label={t("passkeys.renameLabel", { name: row.name })}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={call.pending}>
              {call.pending ? t("passkeys.saving") : t("passkeys.save")}
            </Button>
            <Button variant="secondary" onClick={() => setMode("view")}>
              {t("passkeys.cancel")}
            </Button>
          </div>
        </form>
      ) : mode === "remove" ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {t("passkeys.removeConfirm", { name: row.name })}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              variant="danger"
              pending={call.pending}
              onClick={() =>
                void call.run(
                  () => requests().then((r) => r.removePasskeyRequest(row.id)),
                  t("passkeys.removedNotice"),
                )
              }
            >
              {call.pending ? t("passkeys.removing") : t("passkeys.removeYes")}
            </Button>
            <Button variant="secondary" onClick={() => setMode("view")}>
              {t("passkeys.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => setMode("rename")}>
            {t("passkeys.rename")}
          </Button>
          <Button variant="ghost" onClick={() => setMode("remove")}>
            {t("passkeys.remove")}
          </Button>
        </div>
      )}
    </li>
  );
}
