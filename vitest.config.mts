import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Files that test SQLite itself (its pragmas, its busy handling, a SQLite
// migration's data step) and so have no PostgreSQL run.
const SQLITE_ONLY = [
  "tests/data/pragmas.test.ts",
  "tests/data/sqlite-busy.test.ts",
  "tests/data/occurred-on-migration.test.ts",
  "tests/data/accounts-backfill-migration.test.ts",
];

// Files that test PostgreSQL itself (its migrations against its schema) and
// so have no SQLite run.
const POSTGRES_ONLY = [
  "tests/data/postgres-migrations.test.ts",
  "tests/data/postgres-commit-failure.test.ts",
  "tests/data/postgres-deadlock.test.ts",
];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside Next.js the marker package throws; data tests run server code on purpose.
      { find: "server-only", replacement: path.join(root, "tests/support/empty-module.ts") },
    ],
  },
  test: {
    pool: "forks",
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["tests/unit/**/*.test.ts", "tests/data/**/*.test.ts"],
          exclude: POSTGRES_ONLY,
          globalSetup: ["tests/support/vitest-global-setup.ts"],
          setupFiles: ["tests/support/vitest-db-setup.ts"],
        },
      },
      {
        // The data layer again, on a throwaway PostgreSQL cluster
        // (tests/support/vitest-postgres-setup.ts): each file its own database.
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/data/**/*.test.ts"],
          exclude: SQLITE_ONLY,
          globalSetup: [
            "tests/support/vitest-global-setup.ts",
            "tests/support/vitest-postgres-setup.ts",
          ],
          setupFiles: ["tests/support/vitest-postgres-db-setup.ts"],
        },
      },
    ],
  },
});
