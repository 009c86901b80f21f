import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { usesPostgres } from "@/lib/config";
// eslint-disable-next-line no-restricted-imports -- the test runs the data layer through a client that records its SQL
import { PrismaClient } from "@/lib/generated/prisma/client";
// eslint-disable-next-line no-restricted-imports -- the same, on PostgreSQL
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgres/client";
import { CancelCasePostgres } from "@/lib/db/postgres-adapter";
import { CancelCaseSqlite } from "@/lib/db/sqlite-adapter";
import { MOBILE_PLAN } from "../support/fixtures";

// Every list and search query uses an index: the real SQL the data layer
// sends (captured at the driver adapter) is explained on the engine it ran
// on, and no plan may scan a user-owned table (read it, or a whole index of
// it, from end to end). On SQLite, EXPLAIN QUERY PLAN: SEARCH … USING INDEX
// is what we want, SCAN is not. On PostgreSQL, EXPLAIN with sequential scans
// priced out (a test table is small enough that the planner would rightly
// prefer one): a Seq Scan, or an index scan without an index condition, is a
// full scan.

const USER_OWNED = [
  "User",
  "ApiToken",
  "Subscription",
  "CancellationCase",
  "CaseEvent",
  "Note",
  "Receipt",
  "CaseChange",
  "StatementImport",
  "Transaction",
  "PlaybookCorrection",
];

type Query = Parameters<Awaited<ReturnType<CancelCaseSqlite["connect"]>>["queryRaw"]>[0];
type Queryable = { queryRaw(query: Query): Promise<{ rows: unknown[][] }> };
const captured: Query[] = [];
let postgresAdapter: Queryable | null = null;

function capture<A extends Queryable>(adapter: A): A {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = (query: Query) => {
    captured.push(query);
    return queryRaw(query);
  };
  return adapter;
}

class CapturingSqlite extends CancelCaseSqlite {
  override async connect() {
    return capture(await super.connect());
  }
}

class CapturingPostgres extends CancelCasePostgres {
  constructor(url: string) {
    super(url);
    // Every connection of this client plans as if sequential scans cost a fortune.
    Object.assign((this as unknown as { config: object }).config, {
      options: "-c enable_seqscan=off",
    });
  }

  override async connect() {
    const adapter = capture(await super.connect());
    postgresAdapter = adapter;
    return adapter;
  }
}

// lib/db/client.ts takes a client already on globalThis: the data layer then runs through this one.
(globalThis as { cancelCaseDb?: PrismaClient }).cancelCaseDb = usesPostgres()
  ? (new PostgresClient({
      adapter: new CapturingPostgres(process.env.DATABASE_URL!),
    }) as unknown as PrismaClient)
  : new PrismaClient({ adapter: new CapturingSqlite(process.env.DATABASE_URL!) });

async function sqlOf(run: () => Promise<unknown>): Promise<Query[]> {
  captured.length = 0;
  await run();
  return captured.filter((query) => /^\s*SELECT/i.test(query.sql));
}

function sqlitePlan(sql: string): string[] {
  const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
  try {
    const params = (sql.match(/\?/g) ?? []).length;
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(params).fill(null)) as {
      detail: string;
    }[];
    return rows.map((row) => row.detail);
  } finally {
    db.close();
  }
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};

/** Each node of a PostgreSQL plan as one line in SQLite's words: SCAN or SEARCH, table, index. */
async function postgresPlan(query: Query): Promise<string[]> {
  const { rows } = await postgresAdapter!.queryRaw({
    ...query,
    sql: `EXPLAIN (FORMAT JSON) ${query.sql}`,
  });
  const cell = rows[0]![0];
  const [{ Plan }] = (typeof cell === "string" ? JSON.parse(cell) : cell) as [{ Plan: PlanNode }];
  const lines: string[] = [];
  const walk = (node: PlanNode) => {
    const table = node["Relation Name"];
    if (table) {
      const index = node["Index Name"] ? ` USING INDEX ${node["Index Name"]}` : "";
      // A bitmap heap scan reads the rows its Bitmap Index Scan child found by an index condition.
      const searched = node["Index Cond"] || node["Node Type"] === "Bitmap Heap Scan";
      const how = node["Node Type"] === "Seq Scan" || !searched ? "SCAN" : "SEARCH";
      lines.push(`${how} ${table}${index} (${node["Node Type"]})`);
    }
    node.Plans?.forEach(walk);
  };
  walk(Plan);
  return lines;
}

const plan = (query: Query) =>
  usesPostgres() ? postgresPlan(query) : Promise.resolve(sqlitePlan(query.sql));

const fullScan = (detail: string) =>
  USER_OWNED.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail));

describe("query plans of the list and search queries", () => {
  let run: Record<string, () => Promise<unknown>>;

  beforeAll(async () => {
    const { registerUser } = await import("@/lib/data/users");
    const { createSubscription, listSubscriptions, listSubscriptionTable } =
      await import("@/lib/data/subscriptions");
    const { subscriptionDeadlines, subscriptionTotals, trialDeadlines } =
      await import("@/lib/data/subscription-summaries");
    const { openCase } = await import("@/lib/data/cases");
    const { getCase, caseStepHistory } = await import("@/lib/data/case-record");
    const { listCaseChanges } = await import("@/lib/data/case-changes");
    const { caseCharges } = await import("@/lib/data/charge-summaries");
    const {
      listCases,
      listCasesDueFirst,
      caseOverview,
      countCasesByState,
      listCasesOfSubscription,
    } = await import("@/lib/data/case-lists");
    const { addNote, searchNotes } = await import("@/lib/data/notes");
    const { listApiTokens } = await import("@/lib/data/api-tokens");
    const { recurringCharges } = await import("@/lib/data/recurring-charges");
    const { listCorrections, exportCorrections } = await import("@/lib/data/playbook-corrections");
    const user = await registerUser({
      email: "plans@example.com",
      password: "explain every query",
    });
    const sub = await createSubscription(user, MOBILE_PLAN);
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    await addNote(
      user,
      kase.id,
      { channel: "phone", occurredAt: new Date(), summary: "refund promised" },
      "2026-11-24",
    );
    // More statement lines than one export batch: the export's keyset read runs twice.
    const { createImport, insertLines } = await import("@/lib/data/statement-imports");
    const { exportStatementImports, exportStatementLines } =
      await import("@/lib/data/export-statements");
    const meta = { account: "Card", statementDate: null };
    const importId = await createImport(user, {
      ...meta,
      format: "csv",
      fileName: "plans.csv",
      issuer: null,
      periodStart: null,
      periodEnd: null,
    });
    const lines = Array.from({ length: 101 }, (_, i) => ({
      postedOn: `2026-11-${String(1 + (i % 20)).padStart(2, "0")}`,
      description: `LINE ${i}`,
      amount: 100,
      currency: "USD",
      key: `plans-${i}`,
      subscriptionId: null,
    }));
    await insertLines(user, importId, meta, lines);
    const drain = async (batches: AsyncIterable<unknown[]>) => {
      let rows = 0;
      for await (const batch of batches) rows += batch.length;
      return rows;
    };
    run = {
      "export, statement lines (two batches)": () =>
        drain(exportStatementLines({ ...user, timeZone: "UTC" })),
      "export, statement imports": () => drain(exportStatementImports(user)),
      "subscriptions API list": () => listSubscriptions(user, { limit: 50 }),
      "subscriptions table (by provider)": () =>
        listSubscriptionTable(user, { sort: "provider", dir: "asc", page: 2, pageSize: 50 }),
      "subscriptions table (by price)": () =>
        listSubscriptionTable(user, { sort: "price", dir: "desc", page: 1, pageSize: 50 }),
      "subscriptions table, the dashboard's views": () =>
        Promise.all(
          (["renewing", "no-case", "trial"] as const).map((show) =>
            listSubscriptionTable(user, {
              sort: "renewal",
              dir: "asc",
              page: 1,
              pageSize: 50,
              view: { show, today: "2026-11-24" },
            }),
          ),
        ),
      "dashboard trials": () => trialDeadlines(user, "2026-11-24"),
      "subscription totals": () => subscriptionTotals(user),
      "dashboard deadlines": () => subscriptionDeadlines(user, "2026-11-24"),
      "cases list": () => listCases(user, { limit: 50 }),
      "cases list, second page": () =>
        listCases(user, {
          limit: 50,
          cursor: Buffer.from(`${Date.now()}:x`).toString("base64url"),
        }),
      "cases list, by state": () => listCases(user, { limit: 50, state: "open" }),
      "cases list, follow-ups due": () =>
        listCases(user, { limit: 50, followUp: "due", today: "2026-11-24" }),
      "cases page (due first)": () => listCasesDueFirst(user, { limit: 50, today: "2026-11-24" }),
      "cases page, inside the due part": () =>
        listCasesDueFirst(user, {
          limit: 50,
          today: "2026-11-24",
          cursor: Buffer.from(`d:2026-11-20:${Date.now()}:x`).toString("base64url"),
        }),
      "cases page, inside the rest": () =>
        listCasesDueFirst(user, {
          limit: 50,
          today: "2026-11-24",
          cursor: Buffer.from(`r:${Date.now()}:x`).toString("base64url"),
        }),
      "cases of a subscription": () => listCasesOfSubscription(user, sub.id),
      "case page": () => getCase(user, kase.id),
      "case steps": () => caseStepHistory(user, kase.id),
      "case changes": () => listCaseChanges(user, kase.id),
      "case charges": () =>
        caseCharges(
          { ...user, timeZone: "America/New_York" },
          { id: kase.id, subscriptionId: sub.id, billingCycle: "monthly" },
        ),
      "dashboard overview": () => caseOverview(user, "2026-11-24"),
      "cases by state": () => countCasesByState(user),
      "notes search": () => searchNotes(user, { q: "refund", limit: 50 }),
      "API tokens": () => listApiTokens(user),
      "recurring charges": () => recurringCharges({ ...user, timeZone: "America/New_York" }),
      "playbook corrections": () => listCorrections(user, "example-mobile"),
      "playbook corrections, exported": () => exportCorrections(user),
    };
  });

  it("tells a full scan from an indexed search", () => {
    expect(fullScan("SCAN Note")).toBe(true);
    expect(
      fullScan("SCAN CancellationCase USING INDEX CancellationCase_userId_openedAt_id_idx"),
    ).toBe(true);
    expect(fullScan("SEARCH Note USING INDEX Note_userId_occurredAt_id_idx (userId=?)")).toBe(
      false,
    );
    expect(fullScan("SCAN sub")).toBe(false);
  });

  it("never scans a user-owned table from end to end", async () => {
    const offenders: string[] = [];
    let explained = 0;
    for (const [name, call] of Object.entries(run)) {
      const statements = await sqlOf(call);
      expect(statements.length, name).toBeGreaterThan(0);
      for (const query of statements) {
        explained++;
        const details = await plan(query);
        if (process.env.SHOW_PLANS) console.log(name, details.join(" / ")); // SHOW_PLANS=1 to read them
        for (const detail of details)
          if (fullScan(detail)) offenders.push(`${name}: ${detail}\n  ${query.sql}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(explained).toBeGreaterThan(Object.keys(run).length);
  });
});
