"use client";

import { Alert } from "@/components/ui/alert";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import { useTranslations } from "@/lib/i18n/client";
import type { ColumnMapping } from "@/lib/domain/statements";
import type { Preview, PreviewTable, SignEvidence } from "./statement-columns";
import { statementColumns, type Mapping } from "./statement-mapping";

// The statement import's column choices for a CSV file: which column is the
// date, the description and the amount (or debit and credit), the sign of a
// charge, the rows above the header, with the file's first rows below them.

const LazyPreviewTable = lazyWithLoading<Parameters<typeof PreviewTable>[0]>(() =>
  statementColumns().then((m) => m.PreviewTable),
);
const LazySignEvidence = lazyWithLoading<Parameters<typeof SignEvidence>[0]>(() =>
  statementColumns().then((m) => m.SignEvidence),
);

export function StatementMappingFields({
  id,
  preview,
  mapping,
  columnMapping,
  onChange,
}: {
  /** The form's id, the fields' ids start with. */
  id: string;
  preview: Extract<Preview, { format: "csv" }>;
  mapping: Mapping;
  /** The mapping the server would take, or null while it is incomplete. */
  columnMapping: ColumnMapping | null;
  onChange: (patch: Partial<Mapping>) => void;
}) {
  const t = useTranslations();
  const header = preview.rows[Number(mapping.skipRows) || 0] ?? [];
  const width = Math.max(...preview.rows.map((r) => r.length));
  const columnLabel = (index: number) => {
    const name = mapping.header ? (header[index] ?? "").trim() : "";
    return name
      ? t("statements.columnNamed", { n: index + 1, name })
      : t("statements.column", { n: index + 1 });
  };
  const columnOptions = (
    <>
      <option value="">{t("statements.chooseColumn")}</option>
      {Array.from({ length: width }, (_, index) => (
        <option key={index} value={index}>
          {columnLabel(index)}
        </option>
      ))}
    </>
  );

  return (
    <fieldset
      className="space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
      data-testid="mapping"
    >
      <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-white">
        {t("statements.columns")}
      </legend>
      <Alert tone={preview.detected || columnMapping ? "info" : "error"} testId="import-detected">
        {preview.detected
          ? preview.issuer
            ? t("statements.detectedIssuer", { issuer: preview.issuer })
            : t("statements.detected")
          : columnMapping
            ? t("statements.chosen")
            : t("errors.statement_columns_unknown")}
      </Alert>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          id={`${id}-date`}
          label={t("statements.dateColumn")}
          value={mapping.date}
          onChange={(e) => onChange({ date: e.target.value })}
        >
          {columnOptions}
        </SelectField>
        <SelectField
          id={`${id}-description`}
          label={t("statements.descriptionColumn")}
          value={mapping.description}
          onChange={(e) => onChange({ description: e.target.value })}
        >
          {columnOptions}
        </SelectField>
        <SelectField
          id={`${id}-shape`}
          label={t("statements.amountShape")}
          value={mapping.shape}
          onChange={(e) => onChange({ shape: e.target.value as Mapping["shape"] })}
        >
          <option value="amount">{t("statements.shapeAmount")}</option>
          <option value="split">{t("statements.shapeSplit")}</option>
        </SelectField>
        {mapping.shape === "amount" ? (
          <SelectField
            id={`${id}-amount`}
            label={t("statements.amountColumn")}
            value={mapping.amount}
            onChange={(e) => onChange({ amount: e.target.value })}
          >
            {columnOptions}
          </SelectField>
        ) : (
          <>
            <SelectField
              id={`${id}-debit`}
              label={t("statements.debitColumn")}
              value={mapping.debit}
              onChange={(e) => onChange({ debit: e.target.value })}
            >
              {columnOptions}
            </SelectField>
            <SelectField
              id={`${id}-credit`}
              label={t("statements.creditColumn")}
              value={mapping.credit}
              onChange={(e) => onChange({ credit: e.target.value })}
            >
              {columnOptions}
            </SelectField>
          </>
        )}
        {mapping.shape === "amount" ? (
          <SelectField
            id={`${id}-sign`}
            label={t("statements.sign")}
            value={mapping.charges}
            onChange={(e) => onChange({ charges: e.target.value as Mapping["charges"] })}
          >
            {mapping.charges === "" ? <option value="">{t("statements.chooseSign")}</option> : null}
            <option value="negative">{t("statements.signNegative")}</option>
            <option value="positive">{t("statements.signPositive")}</option>
          </SelectField>
        ) : null}
      </div>
      {mapping.shape === "amount" && mapping.charges === "" ? (
        <Alert tone="info" testId="import-sign">
          <LazySignEvidence rows={preview.rows} form={mapping} />
        </Alert>
      ) : null}
      <TextField
        id={`${id}-skip`}
        type="number"
        min={0}
        max={50}
        label={t("statements.skipRows")}
        hint={t("statements.skipRowsHint")}
        value={mapping.skipRows}
        onChange={(e) => onChange({ skipRows: e.target.value })}
      />
      <CheckboxField
        id={`${id}-header`}
        label={t("statements.hasHeader")}
        checked={mapping.header}
        onChange={(e) => onChange({ header: e.target.checked })}
      />
      {/* While the sign is asked, the question and its lines stand in for the preview. */}
      {mapping.shape === "amount" && mapping.charges === "" && mapping.amount !== "" ? null : (
        <LazyPreviewTable rows={preview.rows} mapping={columnMapping} />
      )}
    </fieldset>
  );
}
