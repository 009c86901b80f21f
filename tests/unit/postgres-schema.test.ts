import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema, SOURCE_SCHEMA } from "@/scripts/postgres-schema.mjs";

// prisma/schema.prisma is the one source of the models; the PostgreSQL schema
// is generated from it (scripts/postgres-schema.mjs) and committed.
describe("the PostgreSQL schema", () => {
  const source = fs.readFileSync(SOURCE_SCHEMA, "utf8");

  it("is what scripts/postgres-schema.mjs makes of prisma/schema.prisma", () => {
    expect(
      fs.readFileSync(POSTGRES_SCHEMA, "utf8"),
      "prisma/postgres/schema.prisma drifted: run `node scripts/postgres-schema.mjs` and `npm run db:migration:postgres -- <name>`",
    ).toBe(postgresSchema(source));
  });

  it("swaps only the provider, the placeholder url and the client's folder", () => {
    const generated = postgresSchema(source);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('output     = "../../lib/generated/prisma-postgres"');
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    expect(models(generated)).toBe(models(source));
  });

  it("refuses a source it no longer understands rather than copying it unchanged", () => {
    expect(() =>
      postgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"')),
    ).toThrow(/no longer matches/);
  });
});
