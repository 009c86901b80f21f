import "server-only";
import { db } from "@/lib/db/client";
import { todayIn } from "@/lib/domain/dates";
import { disputeSelect, toDtos as toDisputeDtos, type DisputeDto } from "./disputes";
import { after, inBatches } from "./export";
import { lineContext, toDto, transactionSelect, type TransactionDto } from "./flagged-charges";
import type { ImportDto } from "./statement-imports";
import { accountSelect, toAccountDto, type AccountDto } from "./statement-accounts";
import type { Actor } from "./users";

// "Download my data", the statements' half (issue 34): the imports, their
// lines, the accounts with the cardholder's details, and the disputes, each
// in the API's DTO and read in keyset batches like ./export.ts's lists, so
// an account with 200,000 lines (TRANSACTIONS_PER_USER_MAX) exports with
// flat memory.

type Owner = Actor & { timeZone: string };

/**
 * A statement line as GET /api/v1/transactions has it, less what is worked
 * out per request from every confirmed case (kind, flagged, caseId,
 * disputeDeadlines, disputeBy): that needs each subscription's whole watch
 * and today's date, and the export holds the cases and accounts it comes from.
 */
export type ExportedLine = Omit<
  TransactionDto,
  "kind" | "flagged" | "caseId" | "disputeDeadlines" | "disputeBy"
>;

const storedFacts = ({
  kind: _kind,
  flagged: _flagged,
  caseId: _caseId,
  disputeDeadlines: _deadlines,
  disputeBy: _disputeBy,
  ...line
}: TransactionDto): ExportedLine => line;

export function exportStatementImports(actor: Actor): AsyncGenerator<ImportDto[]> {
  return inBatches(
    (position, take) =>
      db.statementImport.findMany({
        where: { userId: actor.id, ...after("createdAt", position) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
        omit: { userId: true },
      }),
    (row) => row.createdAt,
    (rows) => rows,
  );
}

/** Oldest posted first, by the (userId, postedOn, id) index: each batch one range read. */
export function exportStatementLines(actor: Owner): AsyncGenerator<ExportedLine[]> {
  return inBatches(
    (position, take) =>
      db.transaction.findMany({
        where: { userId: actor.id, ...after("postedOn", position) },
        orderBy: [{ postedOn: "asc" }, { id: "asc" }],
        take,
        select: transactionSelect,
      }),
    (row) => row.postedOn,
    async (rows) => {
      const context = await lineContext(actor, rows);
      return rows.map((row) => storedFacts(toDto(row, null, undefined, context)));
    },
  );
}

/** The accounts with the holder's legal name and address and the issuer's dispute address. */
export function exportStatementAccounts(actor: Actor): AsyncGenerator<AccountDto[]> {
  return inBatches(
    (position, take) =>
      db.statementAccount.findMany({
        where: { userId: actor.id, ...after("createdAt", position) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
        select: accountSelect,
      }),
    (row) => row.createdAt,
    (rows) => rows.map(toAccountDto),
  );
}

/** Every dispute, open and closed, with the bank's duties and next steps as of the export's day. */
export function exportDisputes(actor: Owner): AsyncGenerator<DisputeDto[]> {
  const today = todayIn(actor.timeZone);
  return inBatches(
    (position, take) =>
      db.dispute.findMany({
        where: { userId: actor.id, ...after("createdAt", position) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
        select: disputeSelect,
      }),
    (row) => row.createdAt,
    (rows) => toDisputeDtos(actor, rows, today),
  );
}
