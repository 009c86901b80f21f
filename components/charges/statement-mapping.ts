import type { ColumnMapping } from "@/lib/domain/statements";

// A statement CSV's columns as the import form edits them (strings from its
// inputs), and to and from the mapping the server takes.

/**
 * The preview's code (the CSV reader, the column rules, the preview table)
 * is fetched when a file is chosen, not with the page.
 */
export const statementColumns = () => import("./statement-columns");

export type Mapping = {
  date: string;
  description: string;
  /** "amount" (one signed column) or "split" (debit and credit columns). */
  shape: "amount" | "split";
  amount: string;
  debit: string;
  credit: string;
  /** "" while the sign is not known and the user has not said it. */
  charges: "negative" | "positive" | "";
  header: boolean;
  skipRows: string;
};

export const EMPTY_MAPPING: Mapping = {
  date: "",
  description: "",
  shape: "amount",
  amount: "",
  debit: "",
  credit: "",
  charges: "",
  header: true,
  skipRows: "0",
};

export function toForm(mapping: ColumnMapping, signKnown: boolean): Mapping {
  const text = (n: number | undefined) => (n === undefined ? "" : String(n));
  return {
    date: text(mapping.date),
    description: text(mapping.description),
    shape: mapping.amount !== undefined ? "amount" : "split",
    amount: text(mapping.amount),
    debit: text(mapping.debit),
    credit: text(mapping.credit),
    charges: signKnown ? mapping.charges : "",
    header: mapping.header,
    skipRows: String(mapping.skipRows ?? 0),
  };
}

/** The mapping the server takes, or null while a column is still to be chosen. */
export function fromForm(form: Mapping): ColumnMapping | null {
  const n = (text: string) => (text === "" ? undefined : Number(text));
  const date = n(form.date);
  const description = n(form.description);
  if (date === undefined || description === undefined) return null;
  const skip = Number(form.skipRows);
  const skipRows = Number.isInteger(skip) && skip >= 0 && skip <= 50 ? skip : 0;
  if (form.shape === "amount") {
    const amount = n(form.amount);
    if (amount === undefined || form.charges === "") return null;
    return { date, description, amount, charges: form.charges, header: form.header, skipRows };
  }
  const debit = n(form.debit);
  const credit = n(form.credit);
  if (debit === undefined || credit === undefined) return null;
  return { date, description, debit, credit, charges: "positive", header: form.header, skipRows };
}
