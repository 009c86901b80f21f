import { uploadFrom } from "@/lib/http/multipart";

// Files sent the way the routes receive them: a real multipart Request read
// by the routes' own uploadFrom, handed to a service as the route hands it.

/** A multipart POST of `file` with small `fields` beside it, received as a route would. */
export function multipart(
  file: File,
  fields: Record<string, string> = {},
  url = "http://localhost/api/v1/imports",
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file);
  return uploadFrom(new Request(url, { method: "POST", body: form }));
}

/** A Chase card export's header, a layout the importer knows (a charge is negative). */
export const CHASE_HEADER = "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n";
/** YYYY-MM-DD as US banks write it, MM/DD/YYYY. */
export const usDate = (date: string) => date.replace(/(\d+)-(\d+)-(\d+)/, "$2/$3/$1");
/** One row of a Chase export: a charge is a negative amount, as `"-30.00"`. */
export const chaseLine = (date: string, description: string, amount: string) =>
  `${usDate(date)},${usDate(date)},${description},Bills,Sale,${amount},\n`;

/** A statement's text as POST /api/v1/imports receives it (with the account it is from), for importStatement. */
export function statementUpload(
  text: string,
  fields: Record<string, string> = { account: "Chase ••4242" },
  fileName = "statement.csv",
) {
  return multipart(new File([text], fileName, { type: "text/csv" }), fields);
}
