// @ts-check
// The triggers that bump User.dataVersion on every write to a user's rows
// (docs/decisions/027-data-version.md). Migrations are static SQL files, so
// this prints the SQL to paste into one:
//
//   node scripts/data-version-triggers.mjs sqlite [Table …]     (prisma/migrations)
//   node scripts/data-version-triggers.mjs postgres [Table …]   (prisma/postgres/migrations)
//   node scripts/data-version-triggers.mjs sqlite --drop Table  (before a SQLite table is redefined)
//
// With no table named, every model of prisma/schema.prisma that has a userId.
// tests/data/data-version.test.ts fails, naming the table, when one has none.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @typedef {"sqlite" | "postgres"} Engine */
/** @typedef {"insert" | "update" | "delete"} Event */

export const EVENTS = /** @type {const} */ (["insert", "update", "delete"]);

/** The name of a table's trigger for one event (the test looks for these names). */
export function triggerName(/** @type {string} */ table, /** @type {Event} */ event) {
  return `${table}_data_version_${event}`;
}

/** The models of a Prisma schema's text that have a userId field, in schema order. */
export function userOwnedModels(/** @type {string} */ schema) {
  return [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)]
    .filter(([, , body]) => /^\s+userId\s/m.test(body ?? ""))
    .map(([, name]) => /** @type {string} */ (name));
}

const BUMP = 'UPDATE "User" SET "dataVersion" = "dataVersion" + 1';

/** SQLite: row triggers; an UPDATE that moves a row to another user bumps both users. */
function sqliteTriggers(/** @type {string} */ table) {
  const owners = {
    insert: '"id" = NEW."userId"',
    update: '"id" IN (OLD."userId", NEW."userId")',
    delete: '"id" = OLD."userId"',
  };
  return EVENTS.map(
    (event) =>
      `CREATE TRIGGER "${triggerName(table, event)}" AFTER ${event.toUpperCase()} ON "${table}"\n` +
      `BEGIN\n  ${BUMP} WHERE ${owners[event]};\nEND;`,
  ).join("\n");
}

/**
 * PostgreSQL: one statement trigger per event (a trigger with transition
 * tables may have one event), so a createMany or updateMany bumps each user
 * once, through data_version_bump() (dataVersionFunctionsSql).
 */
function postgresTriggers(/** @type {string} */ table) {
  const transitions = {
    insert: "NEW TABLE AS new_rows",
    update: "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    delete: "OLD TABLE AS old_rows",
  };
  return EVENTS.map(
    (event) =>
      `CREATE TRIGGER "${triggerName(table, event)}" AFTER ${event.toUpperCase()} ON "${table}"\n` +
      `  REFERENCING ${transitions[event]}\n` +
      `  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();`,
  ).join("\n");
}

/**
 * The User row itself (name, locale, time zone, password…): a write that did
 * not set dataVersion bumps it. On SQLite the second UPDATE fails the WHEN, so
 * it does not recurse; on PostgreSQL a BEFORE trigger changes the row in place.
 */
export function userTriggerSql(/** @type {Engine} */ engine) {
  if (engine === "sqlite") {
    return (
      `CREATE TRIGGER "${triggerName("User", "update")}" AFTER UPDATE ON "User"\n` +
      `WHEN NEW."dataVersion" = OLD."dataVersion"\n` +
      `BEGIN\n  ${BUMP} WHERE "id" = NEW."id";\nEND;`
    );
  }
  return (
    `CREATE TRIGGER "${triggerName("User", "update")}" BEFORE UPDATE ON "User"\n` +
    `  FOR EACH ROW EXECUTE FUNCTION data_version_bump_user();`
  );
}

/** PostgreSQL's two trigger functions (once per database). */
export function dataVersionFunctionsSql() {
  return `CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A deleted user's rows bump nobody: the UPDATE finds no User row.
  IF TG_OP = 'INSERT' THEN
    ${BUMP} WHERE "id" IN (SELECT "userId" FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    ${BUMP} WHERE "id" IN (SELECT "userId" FROM old_rows UNION SELECT "userId" FROM new_rows);
  ELSE
    ${BUMP} WHERE "id" IN (SELECT "userId" FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION data_version_bump_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."dataVersion" = OLD."dataVersion" THEN
    NEW."dataVersion" := OLD."dataVersion" + 1;
  END IF;
  RETURN NEW;
END $$;`;
}

/** The CREATE TRIGGER statements of `tables` (or their DROPs) for one engine. */
export function dataVersionTriggersSql(
  /** @type {Engine} */ engine,
  /** @type {string[]} */ tables,
  drop = false,
) {
  if (drop) {
    return tables
      .flatMap((table) =>
        EVENTS.map((event) =>
          engine === "sqlite"
            ? `DROP TRIGGER IF EXISTS "${triggerName(table, event)}";`
            : `DROP TRIGGER IF EXISTS "${triggerName(table, event)}" ON "${table}";`,
        ),
      )
      .join("\n");
  }
  return tables
    .map((table) => (engine === "sqlite" ? sqliteTriggers(table) : postgresTriggers(table)))
    .join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [engine, ...rest] = process.argv.slice(2);
  if (engine !== "sqlite" && engine !== "postgres") {
    console.error(
      "usage: node scripts/data-version-triggers.mjs sqlite|postgres [--drop] [Table …]",
    );
    process.exit(2);
  }
  const drop = rest.includes("--drop");
  const named = rest.filter((arg) => arg !== "--drop");
  const tables = named.length
    ? named
    : userOwnedModels(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
  console.log(dataVersionTriggersSql(engine, tables, drop));
}
