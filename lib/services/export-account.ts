import "server-only";
import { PassThrough, Readable } from "node:stream";
import { UserAndServerSlots } from "@/lib/shared-counters/shared";
import yazl from "yazl";
import {
  exportAccount as accountOf,
  exportCases,
  exportNotes,
  exportReceipts,
  exportSubscriptions,
  type ExportFile,
} from "@/lib/data/export";
import { calendarFeedStatus } from "@/lib/data/calendar-feed";
import {
  exportDisputes,
  exportStatementAccounts,
  exportStatementImports,
  exportStatementLines,
} from "@/lib/data/export-statements";
import { notificationPrefs } from "@/lib/data/notification-settings";
import { listPasskeys } from "@/lib/data/passkeys";
import { ownCorrections } from "@/lib/data/playbook-corrections";
import type { Actor } from "@/lib/data/users";
import { notificationPrefsJson } from "@/lib/validation/notifications";

const README = `CancelCase export

cancelcase-export.json  your account, notification settings, your passkeys'
                        names and dates (never their keys), subscriptions,
                        cases (with their history), notes, your playbook
                        corrections, your statement accounts (with the
                        cardholder's and card issuer's details), statement
                        imports, statement lines ("transactions"), disputes
                        and the list of receipts, with the same field names
                        as the CancelCase JSON API. A statement line leaves
                        out what the app works out when it shows one (kind,
                        flagged, caseId, disputeDeadlines, disputeBy): they
                        follow from the cases and accounts in this file.
                        "version" is still 1: lists were added, none changed.
receipts/<case id>/     the receipt files, byte for byte as uploaded; each
                        receipt's "file" in the JSON names its path here
`;

const UNREADABLE =
  "This receipt could not be read: it was deleted while the export was being made.\n";

/** A receipt that cannot be read (deleted while the ZIP was being written) becomes a short note. */
export function readOrExplain(file: Pick<ExportFile, "open">): Readable {
  const out = new PassThrough();
  file.open().then(
    (source) => {
      source.once("error", () => {
        source.unpipe(out);
        out.end(UNREADABLE);
      });
      source.pipe(out);
    },
    () => out.end(UNREADABLE),
  );
  return out;
}

const indent = (json: string) => json.replace(/\n/g, "\n    ");

/** One top-level list of the JSON, written a batch at a time. */
async function* jsonList<T>(
  name: string,
  batches: AsyncIterable<T[]>,
  last = false,
): AsyncGenerator<string> {
  yield `  "${name}": [`;
  let first = true;
  for await (const batch of batches) {
    const rows = batch.map((row) => `\n    ${indent(JSON.stringify(row, null, 2))}`);
    yield (first ? "" : ",") + rows.join(",");
    first = false;
  }
  yield first ? `]${last ? "" : ","}\n` : `\n  ]${last ? "" : ","}\n`;
}

const jsonObject = (name: string, value: unknown) =>
  `  "${name}": ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")},\n`;

/**
 * "Download my data" as one ZIP, streamed: README, then the JSON written as
 * the data layer reads it batch by batch, then the receipt files one at a
 * time (stored, not recompressed). Memory stays flat in the size of the
 * account; only the ZIP's central directory (a few hundred bytes a file,
 * bounded by the receipt limits) grows. yazl (3.3.1): a small,
 * dependency-light streaming ZIP writer with ZIP64 and UTF-8 names.
 *
 * Everything of the user's own is in it. Left out, of the tables with a
 * userId: Session, ApiToken, PasswordReset and CalendarFeed's token (secrets
 * or their hashes: the feed is given as "since when" only), PushSubscription
 * (a browser's endpoint and keys, useless anywhere else), Notification (the
 * reminders' delivery queue: attempts and leases, derived from the cases),
 * NotificationSettings.plannedOn (the planner's own mark), SharedCounter
 * (throttles, keyed by address or user, not data), a Passkey's credential
 * id, public key and counter (its name and dates are listed: a key is of
 * no use to the person and WebAuthn ties it to this server's host), and
 * WebAuthnChallenge (a ceremony's five minutes). "version" stays 1: a
 * reader of version 1 finds every list it knew, unchanged.
 */
export async function exportAccount(actor: Actor): Promise<{ zip: Readable; exportedAt: Date }> {
  const release = await slots.claim(actor.id);
  try {
    const download = await writeExport(actor);
    download.zip.once("close", release);
    return download;
  } catch (error) {
    release();
    throw error;
  }
}

// An export reads the whole account: one at a time per user, a few at once
// on the server, counted before any read. A slot is held while the ZIP is
// being read and given back when its stream closes (read to the end, failed
// or abandoned); only a process that died frees one by expiry.
const EXPORTS_AT_ONCE = 4;
const HOLD_SECONDS = 60 * 60;
const slots = new UserAndServerSlots("export", EXPORTS_AT_ONCE, HOLD_SECONDS, {
  mine: "Your data is already being exported. Wait for that download to finish.",
  others: "Exports are being made for others. Try again shortly.",
});

async function writeExport(actor: Actor): Promise<{ zip: Readable; exportedAt: Date }> {
  const exportedAt = new Date();
  const account = await accountOf(actor);
  const owner = { ...actor, timeZone: account.timeZone };
  const zip = new yazl.ZipFile();
  const mtime = exportedAt;

  async function* json(): AsyncGenerator<string> {
    yield "{\n";
    yield `  "format": "cancelcase-export",\n  "version": 1,\n`;
    yield `  "exportedAt": ${JSON.stringify(exportedAt)},\n`;
    yield jsonObject("account", account);
    yield jsonObject("notificationSettings", notificationPrefsJson(await notificationPrefs(actor)));
    yield jsonObject("calendarFeed", await calendarFeedStatus(actor));
    // Names and dates only (listPasskeys' fields): never a credential id or a public key.
    yield* jsonList(
      "passkeys",
      (async function* () {
        yield await listPasskeys(actor);
      })(),
    );
    yield* jsonList("subscriptions", exportSubscriptions(actor));
    yield* jsonList("cases", exportCases(actor));
    yield* jsonList("notes", exportNotes(actor));
    yield* jsonList(
      "playbookCorrections",
      (async function* () {
        yield await ownCorrections(actor);
      })(),
    );
    yield* jsonList("statementAccounts", exportStatementAccounts(actor));
    yield* jsonList("statementImports", exportStatementImports(actor));
    yield* jsonList("transactions", exportStatementLines(owner));
    yield* jsonList("disputes", exportDisputes(owner));
    // The receipts' files are queued behind the JSON as their rows are listed.
    async function* receipts() {
      for await (const batch of exportReceipts(actor)) {
        for (const { file } of batch) {
          zip.addReadStreamLazy(file.path, { mtime, compress: false }, (callback) =>
            callback(null, readOrExplain(file)),
          );
        }
        yield batch.map(({ receipt }) => receipt);
      }
    }
    yield* jsonList("receipts", receipts(), true);
    yield "}\n";
    zip.end();
  }

  const source = Readable.from(json());
  source.once("error", (error) => {
    console.error("The export failed while it was being written", error);
    (zip.outputStream as Readable).destroy(error);
  });
  zip.addBuffer(Buffer.from(README), "README.txt", { mtime });
  zip.addReadStream(source, "cancelcase-export.json", { mtime });
  return { zip: zip.outputStream as Readable, exportedAt };
}
