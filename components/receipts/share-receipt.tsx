"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EnumOptions } from "@/components/ui/enum-options";
import { SelectField } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { RECEIPT_KINDS } from "@/lib/domain/receipt-kinds";
import { formatBytes } from "@/lib/domain/receipts";
import { failureOf } from "./send-receipt";

/** public/sw.js keeps shared files here, under /share/file/<n>. */
const SHARE_CACHE = "cancelcase-share";

type Shared = {
  key: string;
  file: File;
  failure?: { reason?: string; values?: Record<string, string | number> };
};

async function sharedFiles(): Promise<Shared[]> {
  if (typeof caches === "undefined") return [];
  const cache = await caches.open(SHARE_CACHE);
  const files: Shared[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    const name = decodeURIComponent(response.headers.get("X-File-Name") ?? "shared-file");
    const blob = await response.blob();
    files.push({ key: request.url, file: new File([blob], name, { type: blob.type }) });
  }
  return files;
}

/** The shared files, which case and what they are, and one button to attach them. */
export function ShareReceipt({
  cases,
  maxBytes,
}: {
  cases: { id: string; label: string }[];
  maxBytes: number;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [files, setFiles] = useState<Shared[] | null>(null);
  const [caseId, setCaseId] = useState(cases.length === 1 ? cases[0]!.id : "");
  const [kind, setKind] = useState("");
  const [busy, setBusy] = useState(false);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    sharedFiles().then(setFiles, () => setFiles([]));
  }, []);

  if (files === null) return <p className="text-sm text-slate-500">{t("share.reading")}</p>;
  if (files.length === 0) {
    return (
      <Alert tone="info" testId="share-empty">
        {t("share.empty")}{" "}
        <Link href="/cases" className="font-semibold underline underline-offset-2">
          {t("nav.cases")}
        </Link>
      </Alert>
    );
  }
  if (cases.length === 0) return <Alert tone="info">{t("share.noCases")}</Alert>;

  async function attach() {
    if (!caseId || !kind || !files) return;
    setBusy(true);
    setOffline(false);
    const cache = await caches.open(SHARE_CACHE);
    const left: Shared[] = [];
    for (const item of files) {
      if (item.file.size > maxBytes || item.file.size === 0) {
        left.push({ ...item, failure: failureOf(413, null) });
        continue;
      }
      const form = new FormData();
      form.append("kind", kind);
      form.append("file", item.file);
      try {
        const response = await fetch(`/api/v1/cases/${caseId}/receipts`, {
          method: "POST",
          body: form,
        });
        if (response.status === 201) {
          await cache.delete(item.key);
          continue;
        }
        const body = await response.json().catch(() => null);
        left.push({ ...item, failure: failureOf(response.status, body) });
      } catch {
        setOffline(true);
        left.push(item);
      }
    }
    setBusy(false);
    setFiles(left);
    if (left.length === 0) router.push(`/cases/${caseId}`);
  }

  return (
    <div className="max-w-xl space-y-5" data-testid="share-receipt">
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {files.map((item) => (
          <li key={item.key} className="p-3 text-sm">
            <p className="font-medium break-words text-slate-900 dark:text-slate-100">
              {item.file.name}
            </p>
            <p className="text-xs text-slate-500">{formatBytes(item.file.size, locale)}</p>
            {item.failure?.reason ? (
              <p role="alert" className="mt-1 text-red-700 dark:text-red-400">
                {t(`errors.${item.failure.reason}`, item.failure.values)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {offline ? <Alert tone="error">{t("common.offline")}</Alert> : null}
      <SelectField
        id="share-case"
        label={t("share.case")}
        value={caseId}
        required
        onChange={(e) => setCaseId(e.target.value)}
      >
        {caseId ? null : (
          <option value="" disabled>
            {t("receipts.kindChoose")}
          </option>
        )}
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="share-kind"
        label={t("receipts.kind")}
        value={kind}
        required
        onChange={(e) => setKind(e.target.value)}
      >
        {kind ? null : (
          <option value="" disabled>
            {t("receipts.kindChoose")}
          </option>
        )}
        <EnumOptions values={RECEIPT_KINDS} namespace="domain.kind" />
      </SelectField>
      <Button pending={busy} disabled={!caseId || !kind} onClick={attach}>
        {busy ? t("share.attaching") : t("share.attach")}
      </Button>
    </div>
  );
}
