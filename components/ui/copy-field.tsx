"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "./button";

/** A secret shown once (a token, a private address) with a Copy button. */
export function CopyField({ value, testId }: { value: string; testId?: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
      <code
        data-testid={testId}
        className="block min-w-0 flex-1 overflow-x-auto rounded-md bg-white px-3 py-2 font-mono text-xs break-all text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      >
        {value}
      </code>
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(value));
        }}
      >
        {copied === value ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
