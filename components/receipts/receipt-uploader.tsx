"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { EnumOptions } from "@/components/ui/enum-options";
import { SelectField } from "@/components/ui/field";
import { noAnswerReason } from "@/components/uploads/no-answer";
import { RECEIPT_KINDS } from "@/lib/domain/receipt-kinds";

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

// The sending code comes with the user's first move towards adding a file
// (pointing at, focusing, touching or dragging a file over the uploader),
// not with the page.
const load = () => import("./send-receipt");
const preload = {
  onPointerEnter: load,
  onFocus: load,
  onTouchStart: load,
  onDragEnter: load,
} as const;

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

  /** Sends one file; true when the server kept it. */
  async function send(
    file: File,
    as: { kind: string; noteId: string },
    key?: string,
  ): Promise<boolean> {
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
      if (refusal) return false;
    }
    const itemKey = key;
    const result = await load()
      .then(({ sendReceipt }) =>
        sendReceipt(caseId, file, as, (progress) => update(itemKey, { progress })),
      )
      // No answer, or the sending code itself could not be fetched (offline,
      // or the app was rebuilt since the page loaded): worth a retry.
      .catch(() => ({
        ok: false as const,
        failure: { reason: noAnswerReason() },
        retry: true,
      }));
    update(
      itemKey,
      result.ok
        ? { status: "done", progress: 100 }
        : {
            status: "failed",
            ...result.failure,
            retry: result.retry ? { file, ...as } : undefined,
          },
    );
    return result.ok;
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
    let kept = false;
    for (const file of list) kept = (await send(file, as)) || kept;
    // Only when something changed: a refresh offline would turn into a full
    // load of the page, and the failures with their Retry would be gone.
    if (kept) router.refresh();
  }

  async function retry(item: Item) {
    if (!item.retry) return;
    if (await send(item.retry.file, item.retry, item.key)) router.refresh();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void sendAll(event.dataTransfer.files);
  }

  const size = megabytes(maxBytes);
  return (
    <div className="space-y-3" {...preload}>
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
            // Small inside the sentence; full size where it is the only way in (a phone).
            className="pointer-fine:ml-1 pointer-fine:min-h-8 pointer-fine:px-3 pointer-fine:py-1"
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
          // Out of the tab order: the visible button above opens it, with a focus ring.
          tabIndex={-1}
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
                  // A failure wraps: its reason is what the user needs to read whole.
                  className={
                    item.status === "failed"
                      ? "min-w-0 break-words text-red-700 dark:text-red-300"
                      : "truncate"
                  }
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
