"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { EnumOptions } from "@/components/ui/enum-options";
import { SelectField } from "@/components/ui/field";
import { RECEIPT_KINDS } from "@/lib/domain/receipts";

type Item = {
  key: string;
  name: string;
  progress: number;
  status: "uploading" | "done" | "failed";
  reason?: string;
  values?: Record<string, number | string>;
  /** Kept when the request itself failed, so Retry can send it again. */
  retry?: { file: File; kind: string; noteId: string };
};

// When the answer carries no field code: by the error's code, then by status.
const BY_CODE: Record<string, string> = {
  conflict: "file_duplicate",
  unsupported_media_type: "file_type_refused",
  not_found: "not_found",
  email_unreadable: "email_unreadable",
  payload_too_large: "file_too_large",
};
const BY_STATUS: Record<number, string> = {
  409: "file_duplicate",
  413: "file_too_large",
  415: "file_type_refused",
  404: "not_found",
  422: "email_unreadable",
};

type ErrorBody = {
  error?: { code?: string; limit?: number; fieldCodes?: Record<string, string[] | undefined> };
} | null;

/**
 * Which message explains a refused upload: the server's codes (a field's
 * error code, else the error's code), which the catalog translates; never
 * its English text.
 */
export function failureOf(status: number, body: ErrorBody): Pick<Item, "reason" | "values"> {
  const error = body?.error;
  if (error?.code === "limit_reached")
    return { reason: "limit_reached_receipts", values: { limit: error.limit ?? 0 } };
  const fieldCode = Object.values(error?.fieldCodes ?? {}).find((codes) => codes?.length)?.[0];
  return {
    reason: fieldCode ?? BY_CODE[error?.code ?? ""] ?? BY_STATUS[status] ?? "upload_failed",
  };
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function ReceiptUploader({
  caseId,
  maxBytes,
  notes = [],
  defaultKind = "",
  compact = false,
}: {
  caseId: string;
  maxBytes: number;
  notes?: { id: string; label: string }[];
  /** Preset only where the answer is known (the confirmation step); asked otherwise. */
  defaultKind?: string;
  compact?: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [kind, setKind] = useState(defaultKind);
  const [noteId, setNoteId] = useState("");
  const [dragging, setDragging] = useState(false);
  // Files given before the kind was chosen: sent as soon as it is.
  const [waiting, setWaiting] = useState<File[]>([]);
  const uploads = useRef(0);

  const update = (key: string, patch: Partial<Item>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function send(file: File, as: { kind: string; noteId: string }, key?: string): Promise<void> {
    if (key) {
      update(key, { status: "uploading", progress: 0, reason: undefined, retry: undefined });
    } else {
      key = `upload-${++uploads.current}`;
      const refusal =
        file.size === 0
          ? { reason: "file_empty" }
          : file.size > maxBytes
            ? { reason: "file_over_limit", values: { size: megabytes(maxBytes) } }
            : null;
      // Refused here, before a byte is sent: its size is known.
      const item: Item = refusal
        ? { key, name: file.name, progress: 0, status: "failed", ...refusal }
        : { key, name: file.name, progress: 0, status: "uploading" };
      setItems((all) => [...all, item]);
      if (refusal) return Promise.resolve();
    }
    const itemKey = key;
    return new Promise((resolve) => {
      const form = new FormData();
      form.append("kind", as.kind);
      if (as.noteId) form.append("noteId", as.noteId);
      form.append("file", file);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/cases/${caseId}/receipts`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable)
          update(itemKey, { progress: Math.round((event.loaded / event.total) * 100) });
      };
      xhr.onload = () => {
        if (xhr.status === 201) update(itemKey, { status: "done", progress: 100 });
        else {
          let body = null;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            // not JSON: the generic message will do
          }
          update(itemKey, {
            status: "failed",
            ...failureOf(xhr.status, body),
            ...(xhr.status >= 500 ? { retry: { file, ...as } } : {}),
          });
        }
        resolve();
      };
      xhr.onerror = () => {
        update(itemKey, {
          status: "failed",
          reason: navigator.onLine === false ? "upload_offline" : "upload_network",
          retry: { file, ...as },
        });
        resolve();
      };
      xhr.send(form);
    });
  }

  async function sendAll(files: FileList | File[], as = { kind, noteId }) {
    const list = [...files];
    if (list.length === 0) return;
    if (input.current) input.current.value = "";
    if (!as.kind) {
      setWaiting(list);
      return;
    }
    setWaiting([]);
    // One at a time: a phone on a weak connection does better, and order is kept.
    for (const file of list) await send(file, as);
    router.refresh();
  }

  async function retry(item: Item) {
    if (!item.retry) return;
    await send(item.retry.file, item.retry, item.key);
    router.refresh();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void sendAll(event.dataTransfer.files);
  }

  const size = megabytes(maxBytes);
  return (
    <div className="space-y-3">
      <div className={`grid grid-cols-1 gap-3 ${compact ? "" : "sm:grid-cols-2"}`}>
        <SelectField
          id={`${inputId}-kind`}
          label={t("receipts.kind")}
          value={kind}
          required
          errors={waiting.length > 0 ? [t("receipts.kindFirst")] : undefined}
          onChange={(e) => {
            setKind(e.target.value);
            if (waiting.length > 0) void sendAll(waiting, { kind: e.target.value, noteId });
          }}
        >
          {kind ? null : (
            <option value="" disabled>
              {t("receipts.kindChoose")}
            </option>
          )}
          <EnumOptions values={RECEIPT_KINDS} namespace="domain.kind" />
        </SelectField>
        {notes.length > 0 && !compact ? (
          <SelectField
            id={`${inputId}-note`}
            label={t("receipts.note")}
            value={noteId}
            onChange={(e) => setNoteId(e.target.value)}
          >
            <option value="">{t("receipts.noNote")}</option>
            {notes.map((note) => (
              <option key={note.id} value={note.id}>
                {note.label}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
        className={`flex flex-col items-center gap-2 rounded-xl border-2 border-dashed px-4 py-6 text-center text-sm ${
          dragging
            ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40"
            : "border-slate-300 dark:border-slate-700"
        }`}
      >
        <p className="text-slate-600 dark:text-slate-300">
          {/* A phone has nothing to drag from: it gets the button alone. */}
          <span className="pointer-coarse:hidden">{t("receipts.drop")} </span>
          <Button
            variant="secondary"
            className="min-h-8 px-3 py-1 pointer-fine:ml-1"
            onClick={() => input.current?.click()}
          >
            <span className="pointer-coarse:hidden">{t("receipts.choose")}</span>
            <span className="hidden pointer-coarse:inline">{t("receipts.chooseOnPhone")}</span>
          </Button>
        </p>
        <p className="text-xs text-slate-500">{t("receipts.types", { size })}</p>
        <label htmlFor={inputId} className="sr-only">
          {t("receipts.choose")}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          className="sr-only"
          accept=".pdf,.png,.jpg,.jpeg,.webp,.heic,.heif,.txt,.eml,application/pdf,image/*,text/plain,message/rfc822"
          onChange={(event) => event.target.files && void sendAll(event.target.files)}
        />
      </div>
      {items.length > 0 ? (
        <ul className="space-y-2" aria-live="polite" data-testid="upload-status">
          {items.map((item) => (
            <li key={item.key} className="text-sm">
              <div className="flex justify-between gap-3">
                <span
                  className={`truncate ${item.status === "failed" ? "text-red-700 dark:text-red-300" : ""}`}
                >
                  {item.status === "uploading"
                    ? t("receipts.uploading", { name: item.name })
                    : item.status === "done"
                      ? t("receipts.uploaded", { name: item.name })
                      : t("receipts.failed", {
                          name: item.name,
                          reason: t(`errors.${item.reason}`, item.values),
                        })}
                </span>
                {item.status === "uploading" ? (
                  <span className="tabular-nums text-slate-500">{item.progress}%</span>
                ) : null}
                {item.status === "failed" && item.retry ? (
                  <button
                    type="button"
                    onClick={() => void retry(item)}
                    className="shrink-0 font-semibold text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                  >
                    {t("common.retry")}
                  </button>
                ) : null}
              </div>
              {item.status === "uploading" ? (
                <progress
                  max={100}
                  value={item.progress}
                  className="mt-1 h-1.5 w-full accent-indigo-600"
                  aria-label={item.name}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
