"use client";

import { decodeAll, sniffEncoding } from "@/lib/documents/text-encoding";
import type { OfxAccountType } from "@/lib/domain/account-kinds";
import { formatDateOnly } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { detectMapping } from "@/lib/domain/statement-layouts";
import { rowsBeforeLines, toStatementLine, type ColumnMapping } from "@/lib/domain/statements";
import { EMPTY_MAPPING, toForm, type Mapping } from "./statement-mapping";
import { useLocale, useTranslations } from "@/lib/i18n/client";

// A statement CSV as the browser previews it before the upload: the first
// rows read with csv-parse's browser build, the columns found by the same
// rules as the server (lib/domain/statements), and the first lines as they
// will be stored. Fetched when a file is chosen (statement-import-form.tsx),
// not with the page (issue 37's 150 kB).

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;

export type Preview =
  | { format: "ofx"; accountType: OfxAccountType | null }
  | {
      format: "csv";
      rows: string[][];
      issuer: string | null;
      detected: boolean;
      /** Whether the sign of a charge is known; when not, the form asks. */
      signKnown: boolean;
      /** The columns found, as the form edits them (empty when none were). */
      mapping: Mapping;
    }
  | { format: "unreadable" };

export async function readPreview(file: File): Promise<Preview> {
  // The same decoding as the server's: a byte-order mark, else UTF-8, GB18030 or windows-1252.
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const head = decodeAll(bytes, sniffEncoding(bytes));
  if (/<OFX>|OFXHEADER/i.test(head.slice(0, 4096))) {
    // A credit card's statement (CCSTMTRS) or a bank account's (STMTRS): the kind it suggests.
    const accountType = /<CCSTMTRS>/i.test(head)
      ? "credit_card"
      : /<STMTRS>/i.test(head)
        ? "bank"
        : null;
    return { format: "ofx", accountType };
  }
  // A cut file ends mid-row: keep whole rows only.
  const whole = file.size > PREVIEW_BYTES ? head.slice(0, head.lastIndexOf("\n") + 1) : head;
  try {
    const { parse } = await import("csv-parse/browser/esm/sync");
    const rows = parse(whole, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: 31,
    }) as string[][];
    if (rows.length === 0) return { format: "unreadable" };
    const found = detectMapping(rows);
    return {
      format: "csv",
      rows,
      issuer: found?.issuer ?? null,
      detected: Boolean(found),
      signKnown: found?.signKnown ?? false,
      mapping: found ? toForm(found.mapping, found.signKnown) : { ...EMPTY_MAPPING },
    };
  } catch {
    return { format: "unreadable" };
  }
}

/** The first lines as they will be stored: the proof that the columns are right. */
export function PreviewTable({
  rows,
  mapping,
}: {
  rows: string[][];
  mapping: ColumnMapping | null;
}) {
  const t = useTranslations();
  const locale = useLocale();
  if (!mapping) return <p className="text-sm text-slate-500">{t("statements.previewWaiting")}</p>;
  const first = rowsBeforeLines(mapping);
  const shown = rows.slice(first, first + PREVIEW_ROWS);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="import-preview">
        <caption className="mb-2 text-left text-xs font-semibold text-slate-500 uppercase">
          {t("statements.preview")}
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">{t("statements.dateColumn")}</th>
            <th className="py-1 pr-3 font-medium">{t("statements.descriptionColumn")}</th>
            <th className="py-1 text-right font-medium">{t("statements.amountColumn")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((row, index) => {
            const line = toStatementLine(row, mapping);
            return (
              <tr key={index}>
                {typeof line === "string" ? (
                  <td
                    colSpan={3}
                    className={`py-1.5 ${line === "skip" ? "text-slate-500 dark:text-slate-400" : "text-red-700 dark:text-red-300"}`}
                  >
                    {line === "skip" ? t("statements.rowSkipped") : t(`statements.row_${line}`)}
                  </td>
                ) : (
                  <>
                    <td className="py-1.5 pr-3 whitespace-nowrap">
                      {formatDateOnly(line.postedOn, locale)}
                    </td>
                    <td className="py-1.5 pr-3 font-mono text-xs break-all">{line.description}</td>
                    <td
                      className={`py-1.5 text-right whitespace-nowrap tabular-nums ${line.amount < 0 ? "text-emerald-700 dark:text-emerald-300" : ""}`}
                    >
                      {formatMoney(line.amount, "USD", locale)}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        {t("statements.previewHint")}
      </p>
    </div>
  );
}

/**
 * The file's own lines, as written, beside the question of how a charge is
 * signed: the user decides from the evidence, never CancelCase's guess.
 */
export function SignEvidence({ rows, form }: { rows: string[][]; form: Mapping }) {
  const t = useTranslations();
  const description = form.description === "" ? undefined : Number(form.description);
  const amount = form.amount === "" ? undefined : Number(form.amount);
  const skip = Number(form.skipRows) || 0;
  if (amount === undefined) return null;
  const first = skip + (form.header ? 1 : 0);
  const shown = rows
    .slice(first)
    .filter((row) => (row[amount] ?? "").trim() !== "")
    .slice(0, PREVIEW_ROWS);
  return (
    <div className="space-y-2" data-testid="sign-question">
      <p className="text-sm text-slate-800 dark:text-slate-200">{t("statements.signQuestion")}</p>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">{t("statements.descriptionColumn")}</th>
            <th className="py-1 text-right font-medium">{t("statements.signAmountAsWritten")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((row, index) => (
            <tr key={index}>
              <td className="py-1.5 pr-3 font-mono text-xs break-all">
                {description === undefined ? "" : (row[description] ?? "")}
              </td>
              <td className="py-1.5 text-right font-mono text-xs whitespace-nowrap">
                {row[amount]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
