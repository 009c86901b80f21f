"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FilePicker } from "@/components/ui/file-picker";
import { noAnswerReason, postForm, refusalOf } from "@/components/uploads/upload-client";
import { AccountKindField, kindAssumedFrom } from "./account-kind-field";
import { useTranslations } from "@/lib/i18n/client";
import type { Preview } from "./statement-columns";
import { EMPTY_MAPPING, fromForm, statementColumns, type Mapping } from "./statement-mapping";
import { StatementMappingFields } from "./statement-mapping-fields";

// Import a statement: the file is read in the browser first (its first rows,
// by the same rules as the server) so the columns found can be checked
// against real lines and fixed before anything is sent; then it is posted
// to /api/v1/imports, which reads the whole file again and stores it.

type Result = { lines: number; added: number; duplicates: number; matched: number };
type Failure = { key: string; values?: Record<string, string | number> };

function failureOf(status: number, body: unknown): Failure {
  const { code, fieldCode, row, limit } = refusalOf(body);
  const values: Record<string, string | number> = {};
  if (row !== undefined) values.row = row;
  if (limit !== undefined) values.limit = limit;
  if (code === "limit_reached") return { key: "errors.limit_reached_transactions", values };
  if (fieldCode) return { key: `errors.${fieldCode}`, values };
  if (status === 413) return { key: "errors.file_too_large" };
  if (status === 403) return { key: "errors.origin_refused" };
  if (status === 429) return { key: "auth.rateLimited" };
  return { key: "statements.failed" };
}

/** `accounts`: the labels imported before, newest first, each with its kind (preselected; a new label's is asked). */
export function StatementImportForm({ accounts }: { accounts: { label: string; kind: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>(EMPTY_MAPPING);
  const [account, setAccount] = useState(accounts[0]?.label ?? "");
  const [statementDate, setStatementDate] = useState("");
  const [kinds, setKinds] = useState(() =>
    Object.fromEntries(accounts.map((a) => [a.label, a.kind])),
  );
  const kind = kinds[account.trim()] ?? kindAssumedFrom(preview) ?? "";
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<(Result & { name: string }) | null>(null);
  const [failure, setFailure] = useState<(Failure & { retry: boolean }) | null>(null);

  async function choose(chosen: File | null) {
    setResult(null);
    setFailure(null);
    setFile(chosen);
    setPreview(null);
    if (!chosen) return;
    let read: Preview;
    try {
      read = await (await statementColumns()).readPreview(chosen);
    } catch {
      // Its code could not be fetched (offline, or the app was rebuilt since).
      setFailure({ key: `errors.${noAnswerReason()}`, retry: false });
      return;
    }
    setPreview(read);
    if (read.format === "csv") setMapping(read.mapping);
  }

  const columnMapping = preview?.format === "csv" ? fromForm(mapping) : null;
  const canSend =
    file !== null &&
    account.trim() !== "" &&
    kind !== "" &&
    (preview?.format === "ofx" || (preview?.format === "csv" && columnMapping !== null));

  function send() {
    if (!file || !canSend || sending) return;
    setSending(true);
    setFailure(null);
    const form = new FormData();
    form.append("account", account.trim());
    form.append("accountKind", kind);
    if (preview?.format === "csv") {
      form.append("format", "csv");
      form.append("mapping", JSON.stringify(columnMapping));
      if (statementDate) form.append("statementDate", statementDate);
    } else form.append("format", "ofx");
    form.append("file", file);
    postForm("/api/v1/imports", form).then(
      ({ status, body }) => {
        setSending(false);
        if (status === 201) {
          setResult({ ...(body as Result), name: file.name });
          setFile(null);
          setPreview(null);
          setStatementDate("");
          if (fileInput.current) fileInput.current.value = "";
          router.refresh();
        } else setFailure({ ...failureOf(status, body), retry: status >= 500 });
      },
      () => {
        setSending(false);
        setFailure({ key: `errors.${noAnswerReason()}`, retry: true });
      },
    );
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <FilePicker
        id={`${id}-file`}
        label={t("statements.file")}
        hint={t("statements.fileHint")}
        accept=".csv,.ofx,.qfx,text/csv,application/x-ofx"
        fileName={file?.name ?? null}
        inputRef={fileInput}
        onFile={(chosen) => void choose(chosen)}
      />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-account`}
          label={t("statements.account")}
          hint={t("statements.accountHint")}
          value={account}
          maxLength={60}
          required
          list={`${id}-accounts`}
          autoComplete="off"
          placeholder="Chase Freedom ••4242"
          onChange={(event) => setAccount(event.target.value)}
        />
        <datalist id={`${id}-accounts`}>
          {accounts.map(({ label }) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        <AccountKindField
          id={`${id}-kind`}
          value={kind}
          onChange={(chosen) => setKinds((all) => ({ ...all, [account.trim()]: chosen }))}
        />
        {preview?.format === "csv" ? (
          <TextField
            id={`${id}-statement-date`}
            type="date"
            label={t("statements.statementDate")}
            hint={t("statements.statementDateHint")}
            value={statementDate}
            onChange={(event) => setStatementDate(event.target.value)}
          />
        ) : null}
      </div>

      {preview?.format === "unreadable" ? (
        <Alert tone="error">{t("errors.statement_malformed")}</Alert>
      ) : null}
      {preview?.format === "ofx" ? (
        <Alert tone="info" testId="import-detected">
          {t("statements.ofxDetected")}
        </Alert>
      ) : null}
      {preview?.format === "csv" ? (
        <StatementMappingFields
          id={id}
          preview={preview}
          mapping={mapping}
          columnMapping={columnMapping}
          onChange={(patch) => setMapping((m) => ({ ...m, ...patch }))}
        />
      ) : null}

      {result ? (
        <Alert tone="success" testId="import-result">
          {t("statements.imported", {
            name: result.name,
            added: result.added,
            duplicates: result.duplicates,
            matched: result.matched,
          })}
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" testId="import-error">
          <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <span>{t(failure.key, failure.values)}</span>
            {failure.retry ? (
              <button
                type="button"
                onClick={send}
                className="font-semibold underline underline-offset-2 hover:no-underline"
              >
                {t("common.retry")}
              </button>
            ) : null}
          </span>
        </Alert>
      ) : null}

      <Button type="submit" pending={sending} disabled={!canSend} data-testid="import-submit">
        {sending ? t("statements.importing") : t("statements.import")}
      </Button>
    </form>
  );
}
