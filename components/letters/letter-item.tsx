"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export type LetterItemLabels = {
  copy: string;
  copied: string;
  pdf: string;
  text: string;
  readChinese: string;
  readEnglish: string;
  howToSend: string;
};

/**
 * One letter: its English text (the one to send) with Copy and the
 * downloads, and a toggle to read the Chinese version in its place.
 */
export function LetterItem({
  kind,
  name,
  en,
  zh,
  howToSend,
  href,
  labels,
}: {
  kind: string;
  name: string;
  en: string;
  zh: string;
  howToSend: string;
  /** The letter's API path, without its query. */
  href: string;
  labels: LetterItemLabels;
}) {
  const [chinese, setChinese] = useState(false);
  const [copied, setCopied] = useState(false);
  const link = "font-semibold text-indigo-700 hover:underline dark:text-indigo-300";
  return (
    <details
      className="group rounded-xl border border-slate-200 p-3 dark:border-slate-700"
      data-testid={`letter-${kind}`}
    >
      <summary className="cursor-pointer text-sm font-semibold text-slate-900 dark:text-white">
        {name}
      </summary>
      <div className="mt-3 space-y-3">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          <span className="font-semibold">{labels.howToSend}</span> {howToSend}
        </p>
        <pre
          lang={chinese ? "zh-CN" : "en"}
          data-testid="letter-text"
          className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-sans text-xs whitespace-pre-wrap text-slate-900 dark:bg-slate-950 dark:text-slate-100"
        >
          {chinese ? zh : en}
        </pre>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(en).then(() => setCopied(true));
            }}
          >
            {copied ? labels.copied : labels.copy}
          </Button>
          <a href={`${href}?format=pdf`} download className={link}>
            {labels.pdf}
          </a>
          <a href={`${href}?format=txt`} download className={link}>
            {labels.text}
          </a>
          <button
            type="button"
            className={link}
            aria-pressed={chinese}
            onClick={() => setChinese((on) => !on)}
          >
            {chinese ? labels.readEnglish : labels.readChinese}
          </button>
        </div>
      </div>
    </details>
  );
}
