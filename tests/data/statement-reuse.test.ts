import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CancelCaseSqlite, STATEMENTS_KEPT } from "@/lib/db/sqlite-adapter";

// The adapter keeps each SQL text prepared (lib/db/sqlite-adapter.ts
// reuseStatements): the same statement must give each call its own
// arguments, and the cache must stay bounded.

type Adapter = Awaited<ReturnType<CancelCaseSqlite["connect"]>>;
const text = { scalarType: "string", arity: "scalar" } as const;
const int = { scalarType: "int", arity: "scalar" } as const;

let dir: string;
let adapter: Adapter;
const prepare = vi.spyOn(Database.prototype, "prepare");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-statements-"));
  adapter = await new CancelCaseSqlite(`file:${path.join(dir, "test.db")}`).connect();
  await adapter.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
});

afterAll(async () => {
  await adapter.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const insert = (id: number, name: string) =>
  adapter.executeRaw({
    sql: "INSERT INTO t (id, name) VALUES (?, ?)",
    args: [id, name],
    argTypes: [int, text],
  });
const nameOf = async (id: number) =>
  (
    await adapter.queryRaw({
      sql: "SELECT name FROM t WHERE id = ?",
      args: [id],
      argTypes: [int],
    })
  ).rows;

describe("the adapter's kept statements", () => {
  it("prepare each SQL text once and bind each call's own arguments", async () => {
    prepare.mockClear();
    await insert(1, "Mint Mobile");
    await insert(2, "美国移动");
    expect(await nameOf(1)).toEqual([["Mint Mobile"]]);
    expect(await nameOf(2)).toEqual([["美国移动"]]);
    expect(await nameOf(3)).toEqual([]);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([
      "INSERT INTO t (id, name) VALUES (?, ?)",
      "SELECT name FROM t WHERE id = ?",
    ]);
    // A failed call leaves the statement usable for the next one.
    await expect(insert(1, "duplicate id")).rejects.toThrow();
    await insert(3, "Visible");
    expect(await nameOf(3)).toEqual([["Visible"]]);
  });

  it("stay bounded: beyond STATEMENTS_KEPT texts the least recently used is prepared again", async () => {
    await nameOf(1);
    for (let i = 0; i < STATEMENTS_KEPT; i++)
      await adapter.queryRaw({ sql: `SELECT ${i} AS n`, args: [], argTypes: [] });
    prepare.mockClear();
    expect(await nameOf(2)).toEqual([["美国移动"]]);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(await nameOf(1)).toEqual([["Mint Mobile"]]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("still begin transactions immediately and roll them back", async () => {
    const tx = await adapter.startTransaction();
    await tx.executeRaw({
      sql: "INSERT INTO t (id, name) VALUES (?, ?)",
      args: [9, "rolled back"],
      argTypes: [int, text],
    });
    // As Prisma ends a transaction: its own ROLLBACK, then the adapter's release.
    await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
    await tx.rollback();
    expect(await nameOf(9)).toEqual([]);
    // BEGIN went through the hook: it was BEGIN IMMEDIATE, never a deferred BEGIN.
    expect(prepare.mock.calls.map(([sql]) => sql)).toContain("BEGIN IMMEDIATE");
    expect(prepare.mock.calls.map(([sql]) => sql)).not.toContain("BEGIN");
  });
});
