import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

// This test file's own database, copied from the migrated template before
// lib/db/client is first imported (the template has no open connection:
// migrate() has exited). DATA_DIR still holds the receipts on disk.
const template = new URL(inject("postgresTemplate"));
const name = `test_${randomUUID().replaceAll("-", "")}`;
const admin = new pg.Client({ connectionString: new URL("/postgres", template).href });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.pathname.slice(1)}"`);
await admin.end();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-db-"));
process.env.DATABASE_URL = new URL(`/${name}`, template).href;
process.env.DATA_DIR = dir;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
