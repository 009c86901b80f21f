import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

// A throwaway copy of the migrated database for this test file, set before
// lib/db/client is first imported. The template is closed, so a file copy is safe.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-db-"));
const file = path.join(dir, `${randomUUID()}.db`);
fs.copyFileSync(inject("templateDatabase"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.DATA_DIR = dir;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
