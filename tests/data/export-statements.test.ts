import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { openCase, transitionCase } from "@/lib/data/cases";
import { fileDispute, listDisputes } from "@/lib/data/disputes";
import {
  exportDisputes,
  exportStatementAccounts,
  exportStatementImports,
  exportStatementLines,
} from "@/lib/data/export-statements";
import { addPasskey, listPasskeys } from "@/lib/data/passkeys";
import { addCorrection, ownCorrections } from "@/lib/data/playbook-corrections";
import { listAccounts, updateAccount } from "@/lib/data/statement-accounts";
import { createImport, insertLines, listImports } from "@/lib/data/statement-imports";
import { createSubscription } from "@/lib/data/subscriptions";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import { listTransactions } from "@/lib/data/transactions";
import { addDays, todayIn } from "@/lib/domain/dates";
import { exportAccount } from "@/lib/services/export-account";
import { importStatement } from "@/lib/services/import-statement";
import { unzip } from "../e2e/files";
import { MOBILE_PLAN, newUser } from "../support/fixtures";
import { CHASE_HEADER, chaseLine, statementUpload } from "../support/uploads";

// "Download my data" holds the statements' side of an account (issue 34):
// accounts with the cardholder's details, imports, lines, disputes, and the
// playbook corrections, in the API's field names, and nothing of anyone else.

const today = () => todayIn("UTC");

async function all<T>(batches: AsyncIterable<T[]>): Promise<{ rows: T[]; batches: number }> {
  const rows: T[] = [];
  let count = 0;
  for await (const batch of batches) {
    rows.push(...batch);
    count++;
  }
  return { rows, batches: count };
}

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));

/** A confirmed case, a statement with a flagged charge and a refund, the account's details, a dispute, a correction. */
async function accountWithStatements(tag: string) {
  const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
  const sub = await createSubscription(user, MOBILE_PLAN);
  const kase = await openCase(user, {
    subscriptionId: sub.id,
    reason: "cost",
    occurredOn: addDays(today(), -40),
  });
  let version = kase.version;
  for (const to of ["bill_checked", "request_submitted", "confirmation_received"] as const) {
    ({ version } = await transitionCase(user, kase.id, {
      to,
      expectedVersion: version,
      occurredOn: addDays(today(), -30),
      ...(to === "confirmation_received" ? { confirmationNumber: `${tag}-1` } : {}),
    }));
  }
  await importStatement(
    user,
    statementUpload(
      CHASE_HEADER +
        chaseLine(addDays(today(), -20), `VISIBLE SERVICE ${tag}`, "-25.00") +
        chaseLine(addDays(today(), -18), `REFUND ${tag}`, "12.00"),
      { account: `Debit ${tag}`, accountKind: "debit_card" },
    ),
  );
  const [account] = (await listAccounts(user, { limit: 10 })).items;
  await updateAccount(user, account!.id, {
    holderName: `${tag} Legal Name`,
    holderAddress: `1 ${tag} St\nSpringfield, IL 62701`,
    issuerName: `${tag} Bank`,
    issuerAddress: `PO Box 1, ${tag} City`,
  });
  const [flagged] = (await listTransactions(user, { limit: 10, flagged: true })).items;
  const dispute = await fileDispute(
    user,
    flagged!.id,
    { filedOn: addDays(today(), -5), channel: "phone", reference: `${tag}-REF` },
    today(),
  );
  const correction = await addCorrection(user, "att", {
    factPath: "portOut",
    note: `${tag} found this changed`,
    sourceUrl: null,
    everyone: false,
  });
  const { passkey } = await addPasskey(user, {
    credentialId: `${tag}-KEY-${user.id}`,
    publicKey: "pQECAyYgASFYIA",
    counter: 3,
    transports: "internal",
    name: tag === "MINE" ? "Wang Xiaoming's iPhone" : `${tag} phone`,
  });
  return { user, dispute, correction, passkey };
}

/** The stored facts of a line as GET /api/v1/transactions has them (the export leaves out what is worked out per request). */
const storedFacts = ({
  kind: _kind,
  flagged: _flagged,
  caseId: _caseId,
  disputeDeadlines: _deadlines,
  disputeBy: _by,
  ...facts
}: TransactionDto) => facts;

describe("the export's statements", () => {
  it(
    "holds the user's accounts, imports, lines, disputes and corrections as the API has them, nothing of another's",
    { timeout: 60_000 },
    async () => {
      const { user, dispute, correction, passkey } = await accountWithStatements("MINE");
      await accountWithStatements("THEIRS");

      const accounts = await all(exportStatementAccounts(user));
      expect(accounts.rows).toEqual((await listAccounts(user, { limit: 100 })).items);
      expect(accounts.rows[0]).toMatchObject({
        accountKind: "debit_card",
        holderName: "MINE Legal Name",
        holderAddress: "1 MINE St\nSpringfield, IL 62701",
        issuerName: "MINE Bank",
        issuerAddress: "PO Box 1, MINE City",
      });

      const imports = await all(exportStatementImports(user));
      expect(imports.rows).toEqual((await listImports(user, { limit: 100 })).items);
      expect(imports.rows).toHaveLength(1);

      const lines = await all(exportStatementLines(user));
      const listed = (await listTransactions(user, { limit: 100 })).items;
      expect(lines.rows).toHaveLength(2);
      expect(byId(lines.rows)).toEqual(byId(listed.map(storedFacts)));
      expect(lines.rows.map((l) => l.postedOn)).toEqual(
        [addDays(today(), -20), addDays(today(), -18)], // oldest posted first
      );

      const disputes = await all(exportDisputes(user));
      expect(disputes.rows).toEqual([dispute]);
      expect(disputes.rows).toEqual((await listDisputes(user, { limit: 100 }, today())).items);

      // The whole download: each list in the JSON, only this user's, no secrets or keys.
      const { zip } = await exportAccount(user);
      const chunks: Buffer[] = [];
      for await (const chunk of zip as Readable) chunks.push(chunk as Buffer);
      const entries = await unzip(Buffer.concat(chunks));
      const data = JSON.parse(entries.get("cancelcase-export.json")!.toString("utf8"));
      expect(data.version).toBe(1);
      expect(data.statementAccounts).toEqual(JSON.parse(JSON.stringify(accounts.rows)));
      expect(data.statementImports).toEqual(JSON.parse(JSON.stringify(imports.rows)));
      expect(data.transactions).toEqual(JSON.parse(JSON.stringify(lines.rows)));
      expect(data.disputes).toEqual(JSON.parse(JSON.stringify([dispute])));
      expect(data.playbookCorrections).toEqual(JSON.parse(JSON.stringify([correction])));
      expect(data.playbookCorrections).toEqual(
        JSON.parse(JSON.stringify(await ownCorrections(user))),
      );
      expect(data.notificationSettings).toMatchObject({
        delivery: "digest",
        channels: { email: true, push: true },
      });
      expect(data.calendarFeed).toBeNull();
      // Passkeys: names and dates, as the API lists them; never the key or its id.
      expect(data.passkeys).toEqual(JSON.parse(JSON.stringify(await listPasskeys(user))));
      expect(data.passkeys).toEqual([
        {
          id: passkey.id,
          name: "Wang Xiaoming's iPhone",
          createdAt: expect.any(String),
          lastUsedAt: null,
        },
      ]);
      const text = JSON.stringify(data);
      expect(text).not.toContain("-KEY-");
      expect(text).not.toMatch(/credentialId|publicKey|pQECAyYgASFYIA|"counter"/);
      expect(text).not.toContain("THEIRS");
      expect(text).not.toMatch(
        /dedupeKey|openKey|plannedOn|tokenHash|passwordHash|pushPublicKey|userId/,
      );
      expect(entries.get("README.txt")!.toString()).toContain("statement lines");
    },
  );

  it("reads more lines than one batch: every line once, oldest posted first, ties by id", async () => {
    const user = { ...(await newUser({ timeZone: "UTC" })), timeZone: "UTC" };
    const other = await newUser();
    const meta = { account: "Card", statementDate: "2026-11-30" };
    const importId = await createImport(user, {
      ...meta,
      format: "csv",
      fileName: "big.csv",
      issuer: null,
      periodStart: null,
      periodEnd: null,
    });
    // 250 lines on 10 days: 25 share each day, so only the id orders them within it.
    const lines = Array.from({ length: 250 }, (_, i) => ({
      postedOn: `2026-11-${String(10 + (i % 10)).padStart(2, "0")}`,
      description: `LINE ${i}`,
      amount: 100 + i,
      currency: "USD",
      key: `line-${i}`,
      subscriptionId: null,
    }));
    expect((await insertLines(user, importId, meta, lines)).added).toBe(250);
    const otherImport = await createImport(other, {
      ...meta,
      format: "csv",
      fileName: "other.csv",
      issuer: null,
      periodStart: null,
      periodEnd: null,
    });
    await insertLines(other, otherImport, meta, [{ ...lines[0]!, description: "NOT MINE" }]);

    const read = await all(exportStatementLines(user));
    expect(read.batches).toBe(3);
    expect(read.rows).toHaveLength(250);
    expect(new Set(read.rows.map((l) => l.id)).size).toBe(250);
    expect(new Set(read.rows.map((l) => l.description))).toEqual(
      new Set(lines.map((l) => l.description)),
    );
    const order = read.rows.map((l) => `${l.postedOn} ${l.id}`);
    expect(order).toEqual([...order].sort());
  });
});
