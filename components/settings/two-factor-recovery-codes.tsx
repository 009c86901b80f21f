"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTranslations } from "@/lib/i18n/client";

/** The ten recovery codes, shown this once: copy, download as .txt, then done. */
export function RecoveryCodes({
  codes,
  email,
  done,
}: {
  codes: string[];
  email: string;
  done: () => void;
}) {
  const t = useTranslations("twoFactor");
  const [copied, setCopied] = useState(false);
  const text = `${t("codesFileHeader", { email })}\n\n${codes.join("\n")}\n`;

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "cancelcase-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="max-w-xl space-y-4">
      <Alert tone="success">
        <p className="font-semibold">{t("codesTitle")}</p>
        <p className="mt-1">{t("codesBody")}</p>
      </Alert>
      <ol
        aria-label={t("codesListLabel")}
        data-testid="recovery-codes"
        className="grid grid-cols-1 gap-2 rounded-lg bg-slate-100 p-4 font-mono text-sm text-slate-900 min-[360px]:grid-cols-2 dark:bg-slate-950 dark:text-slate-100"
      >
        {codes.map((code) => (
          <li key={code} className="tracking-wider">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join("\n")).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copyAll")}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t("download")}
        </Button>
        <Button onClick={done}>{t("codesSaved")}</Button>
      </div>
    </div>
  );
}
