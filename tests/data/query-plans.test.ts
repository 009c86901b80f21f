import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the test runs the data layer through a client that records its SQL
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CancelCaseSqlite } from "@/lib/db/sqlite-adapter";
import { MOBILE_PLAN } from "../support/fixtures";

// Every list and search query uses an index: the real SQL the data layer
// sends (captured at the driver adapter) is run through EXPLAIN QUERY PLAN,
// and no plan may SCAN a user-owned table (read it, or a whole index of it,
// from end to end). SEARCH … USING INDEX is what we want.

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
];
const captured: string[] = [];

class CapturingSqlite extends CancelCaseSqlite {
  override async connect() {
    const adapter = await super.connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = (query) => {
      captured.push(query.sql);
      return queryRaw(query);
    };
    return adapter;
  }
}

// lib/db/client.ts takes a client already on globalThis: the data layer then runs through this one.
(globalThis as { cancelCaseDb?: PrismaClient }).cancelCaseDb = new PrismaClient({
  adapter: new CapturingSqlite(process.env.DATABASE_URL!),
});

async function sqlOf(run: () => Promise<unknown>): Promise<string[]> {
  captured.length = 0;
  await run();
  return captured.filter((sql) => /^\s*SELECT/i.test(sql));
}

function plan(sql: string): string[] {
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

const fullScan = (detail: string) =>
  USER_OWNED.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail));

describe("query plans of the list and search queries", () => {
  let run: Record<string, () => Promise<unknown>>;

  beforeAll(async () => {
    const { registerUser } = await import("@/lib/data/users");
    const { createSubscription, listSubscriptions, listSubscriptionTable } =
      await import("@/lib/data/subscriptions");
    const { subscriptionDeadlines, subscriptionTotals } =
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
    run = {
      "subscriptions API list": () => listSubscriptions(user, { limit: 50 }),
      "subscriptions table (by provider)": () =>
        listSubscriptionTable(user, { sort: "provider", dir: "asc", page: 2, pageSize: 50 }),
      "subscriptions table (by price)": () =>
        listSubscriptionTable(user, { sort: "price", dir: "desc", page: 1, pageSize: 50 }),
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
      for (const sql of statements) {
        explained++;
        if (process.env.SHOW_PLANS) console.log(name, plan(sql).join(" / ")); // SHOW_PLANS=1 to read them
        for (const detail of plan(sql))
          if (fullScan(detail)) offenders.push(`${name}: ${detail}\n  ${sql}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(explained).toBeGreaterThan(Object.keys(run).length);
  });
});
