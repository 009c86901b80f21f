"use client";

import type { RefObject } from "react";
import { useTranslations } from "@/lib/i18n/client";

/**
 * A file input with a button and file name in the page's language (the
 * browser's own says "Choose File / No file chosen" in its UI language).
 * The input stays focusable and labelled; the button is its second label.
 */
export function FilePicker({
  id,
  label,
  hint,
  accept,
  fileName,
  inputRef,
  onFile,
}: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  fileName: string | null;
  inputRef?: RefObject<HTMLInputElement | null>;
  onFile: (file: File | null) => void;
}) {
  const t = useTranslations();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={accept}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
          className="peer sr-only"
        />
        <label
          htmlFor={id}
          className="inline-flex min-h-10 cursor-pointer items-center rounded-lg bg-indigo-50 px-4 py-2 text-sm font-semibold text-indigo-700 peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:hover:bg-indigo-900"
        >
          {t("statements.chooseFile")}
        </label>
        <span
          className="min-w-0 text-sm [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300"
          data-testid="file-name"
        >
          {fileName ?? t("statements.noFile")}
        </span>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        {hint}
      </p>
    </div>
  );
}
