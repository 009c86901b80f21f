"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The call script, full-screen, to read aloud on a phone: one line at a time
 * in large type, its Chinese gloss under it. A tap on the line or → goes on,
 * ← goes back, Escape closes (a native modal <dialog>: focus stays inside
 * while it is open and goes back to the button that opened it).
 */
export function CallScriptReader({ lines }: { lines: { en: string; zh: string }[] }) {
  const t = useTranslations("playbooks");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [index, setIndex] = useState(0);
  const last = lines.length - 1;
  const line = lines[Math.min(index, last)];
  const go = (step: number) => setIndex((at) => Math.min(Math.max(at + step, 0), last));

  const open = () => {
    setIndex(0);
    dialog.current?.showModal();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "ArrowRight" || event.key === "ArrowDown" || event.key === "PageDown") {
      event.preventDefault();
      go(1);
    } else if (event.key === "ArrowLeft" || event.key === "ArrowUp" || event.key === "PageUp") {
      event.preventDefault();
      go(-1);
    }
  };

  if (!line) return null;
  return (
    <>
      <Button ref={opener} variant="primary" onClick={open} data-testid="open-call-script">
        {t("openScript")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="call-script-title"
        aria-describedby="call-script-hint"
        onKeyDown={onKeyDown}
        onClose={() => opener.current?.focus()}
        data-testid="call-script"
        className="fixed inset-0 m-0 h-dvh max-h-none w-screen max-w-none bg-white p-0 text-slate-900 backdrop:bg-slate-950 dark:bg-slate-950 dark:text-slate-100"
      >
        <div className="flex h-full flex-col p-4 sm:p-8">
          <header className="flex items-center justify-between gap-3">
            <h2 id="call-script-title" className="text-base font-semibold">
              {t("callScriptTitle")}{" "}
              <span className="font-normal text-slate-600 dark:text-slate-400" aria-live="polite">
                {t("scriptLine", { n: index + 1, total: lines.length })}
              </span>
            </h2>
            <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              {t("close")}
            </Button>
          </header>
          <button
            type="button"
            onClick={() => go(1)}
            className="my-4 flex flex-1 flex-col items-start justify-center overflow-y-auto rounded-2xl px-1 text-left focus-visible:outline-2 focus-visible:outline-indigo-600"
            data-testid="call-script-line"
          >
            <span lang="en" className="text-3xl leading-snug font-semibold sm:text-5xl">
              {line.en}
            </span>
            <span
              lang="zh-CN"
              className="mt-4 text-xl leading-relaxed text-slate-700 sm:text-2xl dark:text-slate-300"
            >
              {line.zh}
            </span>
          </button>
          <p id="call-script-hint" className="mb-3 text-xs text-slate-600 dark:text-slate-400">
            {t("scriptHint")}
          </p>
          {/* aria-disabled, not disabled: the focus stays on the button at either end. */}
          <div className="grid grid-cols-2 gap-3">
            <Button
              variant="secondary"
              onClick={() => go(-1)}
              aria-disabled={index === 0 || undefined}
            >
              {t("previous")}
            </Button>
            <Button onClick={() => go(1)} aria-disabled={index >= last || undefined}>
              {t("next")}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
