"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FilePicker } from "@/components/ui/file-picker";
import { Link } from "@/components/ui/link";
import { noAnswerReason, postForm, refusalOf } from "@/components/uploads/upload-client";
import { formatMoney } from "@/lib/domain/money";
import type { SubscriptionImportResult } from "@/lib/services/import-subscriptions";
import { useLocale, useTranslations } from "@/lib/i18n/client";

// Subscriptions from Wallos (its JSON or CSV export) or a CSV: the file is
// sent once as a dry run, which answers what would be added and what would
// be left out and why; nothing is stored until the user says so. What the
// file leaves open (which currency "$" or "¥" means, which cycle to keep for
// "Every 2 Weeks") is asked here; each answer runs the dry run again.

type Failure = { key: string; retry: boolean };
type Choices = { currencies: Record<string, string>; cycles: Record<string, string> };
const NO_CHOICES: Choices = { currencies: {}, cycles: {} };
const CYCLES = ["weekly", "monthly", "quarterly", "yearly"] as const;

/** "CAD · Canadian Dollar" in the user's language, or the code alone where the runtime has no name. */
function currencyLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "currency" }).of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}

function failureOf(status: number, body: unknown): Failure {
  const { code, fieldCode } = refusalOf(body);
  if (code === "limit_reached") return { key: "errors.limit_reached_subscriptions", retry: false };
  if (fieldCode) return { key: `errors.${fieldCode}`, retry: false };
  if (status === 413) return { key: "errors.file_too_large", retry: false };
  if (status === 403) return { key: "errors.origin_refused", retry: false };
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
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  // The questions stay usable while a dry run is out (a disabled select would
  // drop the keyboard user's focus), so answers can overtake each other: only
  // the latest request's answer is shown, and none is sent while adding.
  const latest = useRef(0);
  const adding = useRef(false);

  async function send(
    chosen: File,
    dryRun: boolean,
    answers: Choices,
  ): Promise<SubscriptionImportResult | null> {
    const ticket = ++latest.current;
    const current = () => ticket === latest.current;
    adding.current = !dryRun;
    setPending(true);
    setFailure(null);
    const form = new FormData();
    if (dryRun) form.append("dryRun", "true");
    if (Object.keys(answers.currencies).length > 0)
      form.append("currencies", JSON.stringify(answers.currencies));
    if (Object.keys(answers.cycles).length > 0)
      form.append("cycles", JSON.stringify(answers.cycles));
    form.append("file", chosen);
    try {
      const { status, body } = await postForm("/api/v1/subscriptions/import", form);
      if (!current()) return null;
      if (status < 200 || status > 299) {
        setFailure(failureOf(status, body));
        return null;
      }
      const result = body as SubscriptionImportResult;
      if (dryRun) setPreview(result);
      else {
        setDone(result);
        setPreview(null);
        setFile(null);
        setChoices(NO_CHOICES);
        if (input.current) input.current.value = "";
        router.refresh();
      }
      return result;
    } catch {
      if (!current()) return null;
      setFailure({ key: `errors.${noAnswerReason()}`, retry: true });
      return null;
    } finally {
      if (current()) {
        adding.current = false;
        setPending(false);
      }
    }
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setDone(null);
    setChoices(NO_CHOICES);
    if (!chosen) return;
    const first = await send(chosen, true, NO_CHOICES);
    // The user's usual currency is offered for a shared symbol: the preview shows it applied.
    const suggested = Object.fromEntries(
      (first?.currencyChoices ?? []).flatMap((c) => (c.suggested ? [[c.symbol, c.suggested]] : [])),
    );
    if (Object.keys(suggested).length > 0) {
      const answers = { ...NO_CHOICES, currencies: suggested };
      setChoices(answers);
      await send(chosen, true, answers);
    }
  }

  function answer(kind: keyof Choices, key: string, value: string) {
    if (!file || adding.current) return;
    const next = { ...choices, [kind]: { ...choices[kind] } };
    if (value) next[kind][key] = value;
    else delete next[kind][key];
    setChoices(next);
    void send(file, true, next);
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
        onFile={(chosen) => void choose(chosen)}
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
                onClick={() => void send(file, preview === null, choices)}
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
          {preview.currencyChoices.length > 0 || preview.cycleChoices.length > 0 ? (
            <fieldset
              className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700/60 dark:bg-amber-950/30"
              data-testid="subscription-import-questions"
            >
              <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-white">
                {t("subscriptions.importQuestions")}
              </legend>
              {preview.currencyChoices.map((question) => (
                <SelectField
                  key={question.symbol}
                  id={`${id}-currency-${question.symbol}`}
                  label={t("subscriptions.importCurrencyQuestion", {
                    symbol: question.symbol,
                    rows: question.rows,
                  })}
                  value={choices.currencies[question.symbol] ?? ""}
                  onChange={(event) => answer("currencies", question.symbol, event.target.value)}
                >
                  <option value="">{t("subscriptions.importCurrencyChoose")}</option>
                  {question.candidates.map((code) => (
                    <option key={code} value={code}>
                      {currencyLabel(code, locale)}
                    </option>
                  ))}
                </SelectField>
              ))}
              {preview.cycleChoices.map((question) => (
                <SelectField
                  key={question.cycle}
                  id={`${id}-cycle-${question.cycle}`}
                  label={t("subscriptions.importCycleQuestion", {
                    cycle: question.cycle,
                    rows: question.rows,
                  })}
                  value={choices.cycles[question.cycle] ?? ""}
                  onChange={(event) => answer("cycles", question.cycle, event.target.value)}
                >
                  <option value="">{t("subscriptions.importCycleLeaveOut")}</option>
                  {CYCLES.map((cycle) => (
                    <option key={cycle} value={cycle}>
                      {t(`domain.cycle.${cycle}`)}
                    </option>
                  ))}
                </SelectField>
              ))}
              {preview.cycleChoices.length > 0 ? (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t("subscriptions.importCycleHint")}
                </p>
              ) : null}
            </fieldset>
          ) : null}
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
            onClick={() => file && void send(file, false, choices)}
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
