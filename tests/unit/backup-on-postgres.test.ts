import { afterEach, describe, expect, it, vi } from "vitest";
import { refuseOnPostgres } from "@/scripts/paths.mjs";

afterEach(() => vi.unstubAllEnvs());

// npm run backup and restore copy a SQLite file: on PostgreSQL they would be
// half a backup (the receipts alone), so they refuse and name the tools.
describe("backup and restore on PostgreSQL", () => {
  it("refuse, naming pg_dump and pg_restore", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://cc@db:5432/cancelcase");
    expect(() => refuseOnPostgres("backup")).toThrow(/pg_dump .*DATABASE_URL/);
    expect(() => refuseOnPostgres("restore")).toThrow(/pg_restore .*DATABASE_URL/);
  });

  it("carry on with SQLite", () => {
    vi.stubEnv("DATABASE_URL", "");
    expect(() => refuseOnPostgres("backup")).not.toThrow();
  });
});
