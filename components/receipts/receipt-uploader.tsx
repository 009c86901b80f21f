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
  values?: Record<string, number>;
};

const FAILURES: Record<number, string> = {
  409: "file_duplicate",
  415: "file_type_refused",
  404: "not_found",
  // The one 422 of an upload: an .eml the parser cannot read (lib/documents/email-text.ts).
  422: "email_unreadable",
};

type ErrorBody = { error?: { code?: string; message?: string; limit?: number } } | null;

/** Which message explains a refused upload; the API speaks English, the UI the user's language. */
function failureOf(status: number, body: ErrorBody): Pick<Item, "reason" | "values"> {
  if (status === 413)
    return {
      reason: /quota/i.test(body?.error?.message ?? "") ? "quota_exceeded" : "file_too_large",
    };
  if (body?.error?.code === "limit_reached")
    return { reason: "limit_reached_receipts", values: { limit: body.error.limit ?? 0 } };
  return { reason: FAILURES[status] ?? "upload_failed" };
}

export function ReceiptUploader({
  caseId,
  maxBytes,
  notes = [],
  defaultKind = "confirmation",
  compact = false,
}: {
  caseId: string;
  maxBytes: number;
  notes?: { id: string; label: string }[];
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

  const update = (key: string, patch: Partial<Item>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function send(file: File): Promise<void> {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    setItems((all) => [...all, { key, name: file.name, progress: 0, status: "uploading" }]);
    return new Promise((resolve) => {
      const form = new FormData();
      form.append("kind", kind);
      if (noteId) form.append("noteId", noteId);
      form.append("file", file);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/cases/${caseId}/receipts`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable)
          update(key, { progress: Math.round((event.loaded / event.total) * 100) });
      };
      xhr.onload = () => {
        if (xhr.status === 201) update(key, { status: "done", progress: 100 });
        else {
          let body = null;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            // not JSON: the generic message will do
          }
          update(key, { status: "failed", ...failureOf(xhr.status, body) });
        }
        resolve();
      };
      xhr.onerror = () => {
        update(key, { status: "failed", reason: "upload_failed" });
        resolve();
      };
      xhr.send(form);
    });
  }

  async function sendAll(files: FileList | File[]) {
    const list = [...files];
    if (list.length === 0) return;
    // One at a time: a phone on a weak connection does better, and order is kept.
    for (const file of list) await send(file);
    if (input.current) input.current.value = "";
    router.refresh();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void sendAll(event.dataTransfer.files);
  }

  const size = `${Math.round(maxBytes / (1024 * 1024))} MB`;
  return (
    <div className="space-y-3">
      <div className={`grid gap-3 ${compact ? "" : "sm:grid-cols-2"}`}>
        <SelectField
          id={`${inputId}-kind`}
          label={t("receipts.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        >
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
          {t("receipts.drop")}{" "}
          <Button
            variant="secondary"
            className="ml-1 min-h-8 px-3 py-1"
            onClick={() => input.current?.click()}
          >
            {t("receipts.choose")}
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
