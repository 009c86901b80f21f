"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { Link } from "@/components/ui/link";
import { formatMoney } from "@/lib/domain/money";
import type { SubscriptionImportResult } from "@/lib/http/subscription-import";
import { useLocale, useTranslations } from "@/lib/i18n/client";

// Subscriptions from Wallos (its JSON or CSV export) or a CSV: the file is
// sent once as a dry run, which answers what would be added and what would
// be left out and why; nothing is stored until the user says so.

type Failure = { key: string; retry: boolean };

function failureOf(status: number, body: unknown): Failure {
  const error = (body as { error?: { code?: string; fieldCodes?: Record<string, string[]> } })
    ?.error;
  const code = Object.values(error?.fieldCodes ?? {}).find((codes) => codes?.length)?.[0];
  if (error?.code === "limit_reached")
    return { key: "errors.limit_reached_subscriptions", retry: false };
  if (code) return { key: `errors.${code}`, retry: false };
  if (status === 413) return { key: "errors.file_too_large", retry: false };
  return { key: "subscriptions.importFailed", retry: status >= 500 };
}

export function SubscriptionImportForm() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SubscriptionImportResult | null>(null);
  const [done, setDone] = useState<SubscriptionImportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);

  async function send(chosen: File, dryRun: boolean) {
    setPending(true);
    setFailure(null);
    const form = new FormData();
    if (dryRun) form.append("dryRun", "true");
    form.append("file", chosen);
    try {
      const response = await fetch("/api/v1/subscriptions/import", { method: "POST", body: form });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        setFailure(failureOf(response.status, body));
        return;
      }
      const result = body as SubscriptionImportResult;
      if (dryRun) setPreview(result);
      else {
        setDone(result);
        setPreview(null);
        setFile(null);
        if (input.current) input.current.value = "";
        router.refresh();
      }
    } catch {
      setFailure({
        key: navigator.onLine === false ? "errors.upload_offline" : "errors.upload_network",
        retry: true,
      });
    } finally {
      setPending(false);
    }
  }

  function choose(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setDone(null);
    if (chosen) void send(chosen, true);
  }

  return (
    <div className="space-y-5">
      <FilePicker
        id={`${id}-file`}
        label={t("subscriptions.importFile")}
        hint={t("subscriptions.importFileHint")}
        accept=".json,.csv,application/json,text/csv"
        fileName={file?.name ?? null}
        inputRef={input}
        onFile={choose}
      />
      {pending && !preview ? (
        <p className="text-sm text-slate-500" role="status">
          {t("subscriptions.importReading")}
        </p>
      ) : null}
      {done ? (
        <Alert tone="success" testId="subscription-import-done">
          <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <span>
              {t("subscriptions.importDone", {
                added: done.imported.length,
                skipped: done.skipped.length,
              })}
            </span>
            <Link href="/subscriptions" className="font-semibold underline underline-offset-2">
              {t("subscriptions.importSeeList")}
            </Link>
          </span>
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" testId="subscription-import-error">
          <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <span>{t(failure.key)}</span>
            {failure.retry && file ? (
              <button
                type="button"
                className="font-semibold underline underline-offset-2 hover:no-underline"
                onClick={() => void send(file, preview === null)}
              >
                {t("common.retry")}
              </button>
            ) : null}
          </span>
        </Alert>
      ) : null}
      {preview ? (
        <div className="space-y-4" data-testid="subscription-import-preview">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {t(
              preview.format === "wallos"
                ? "subscriptions.importWallos"
                : "subscriptions.importCsv",
              {
                rows: preview.rows,
              },
            )}
          </p>
          {preview.imported.length > 0 ? (
            <div>
              <h3 className="text-sm font-semibold text-slate-900 dark:text-white">
                {t("subscriptions.importWillAdd", { count: preview.imported.length })}
              </h3>
              <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {preview.imported.map((item) => (
                  <li key={item.row} className="flex justify-between gap-3 py-1.5">
                    <span className="min-w-0 [overflow-wrap:anywhere]">{item.provider}</span>
                    <span className="shrink-0 text-slate-600 tabular-nums dark:text-slate-400">
                      {formatMoney(item.amount, item.currency, locale)}{" "}
                      {t(`domain.perCycle.${item.billingCycle}`)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.skipped.length > 0 ? (
            <div>
              <h3 className="text-sm font-semibold text-slate-900 dark:text-white">
                {t("subscriptions.importWillSkip", { count: preview.skipped.length })}
              </h3>
              <ul className="mt-2 space-y-1 text-sm" data-testid="subscription-import-skipped">
                {preview.skipped.map((item) => (
                  <li
                    key={`${item.row}-${item.reason}`}
                    className="text-slate-600 dark:text-slate-400"
                  >
                    {t("subscriptions.importSkipLine", {
                      name: item.name ?? t("subscriptions.importRow", { row: item.row }),
                      reason: t(`subscriptions.skip_${item.reason}`),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Button
            pending={pending}
            disabled={preview.imported.length === 0}
            onClick={() => file && void send(file, false)}
            data-testid="subscription-import-submit"
          >
            {pending
              ? t("subscriptions.importing")
              : t("subscriptions.importAdd", { count: preview.imported.length })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
