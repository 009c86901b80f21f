// @ts-check
// prisma/schema.prisma is the one source of the models. The PostgreSQL
// schema is made from it here: the same models, another provider, its own
// generated client (Prisma 6.19 compiles the provider into the client and
// refuses an adapter of another one; docs/decisions/019-postgresql-beside-sqlite.md).
// `node scripts/postgres-schema.mjs` writes it; tests/unit/postgres-schema.test.ts
// fails when the committed copy drifts from the source.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma", "postgres", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not
// edit. Change the source schema, then run \`node scripts/postgres-schema.mjs\`
// and \`node scripts/postgres-migration.mjs <name>\`.

`;

/**
 * The PostgreSQL schema for a SQLite schema's text.
 * @param {string} source
 * @returns {string}
 */
export function postgresSchema(source) {
  const swaps = [
    // Its own client: lib/db/client.ts picks one of the two at run time.
    [/(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgres"'],
    [/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    // A placeholder, like the source's: the driver adapter supplies the real connection.
    [/(datasource db \{[^}]*url\s*=\s*)"file:[^"]*"/, '$1"postgresql://localhost/cancelcase"'],
  ];
  let text = source;
  for (const [pattern, replacement] of swaps) {
    const next = text.replace(/** @type {RegExp} */ (pattern), /** @type {string} */ (replacement));
    if (next === text) throw new Error(`prisma/schema.prisma no longer matches ${pattern}`);
    text = next;
  }
  return HEADER + text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, postgresSchema(fs.readFileSync(SOURCE_SCHEMA, "utf8")));
  console.log(`wrote ${path.relative(root, POSTGRES_SCHEMA)}`);
}
