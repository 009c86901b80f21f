// The benchmark's data set on PostgreSQL + a bucket (bench/postgres.mjs): the
// SQLite file bench/dataset.mjs wrote, copied row for row into a migrated
// PostgreSQL database, and its receipt files into the bucket under the keys
// the app's S3 store reads (<prefix><storageKey>). Copying, not generating
// twice, is what makes the engines compare on the same data.
import fs from "node:fs";
import path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import Database from "better-sqlite3";
import pg from "pg";

// PostgreSQL takes at most 65,535 parameters a statement.
const PARAMETERS_PER_INSERT = 60_000;

/** SQLite's stored value as the PostgreSQL column of `type` wants it. */
function convert(value, type) {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return Boolean(value);
  // The app's SQLite rows keep instants as ISO text (or epoch ms); sent in
  // UTC, so a "timestamp without time zone" column holds what Prisma wrote.
  if (type.startsWith("timestamp")) return new Date(value).toISOString();
  return value;
}

/** Copies every table but the migrations' own from the SQLite file into the PostgreSQL database. */
export async function copyToPostgres(dbFile, databaseUrl) {
  const sqlite = new Database(dbFile, { readonly: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts = {};
  try {
    // Rows go in table by table, children before parents at times: the
    // foreign keys' triggers wait until the end (the cluster's user is its superuser).
    await client.query("SET session_replication_role = replica");
    await client.query("BEGIN");
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'",
      )
      .all()
      .map((t) => t.name);
    for (const table of tables) {
      const { rows: columns } = await client.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [table],
      );
      if (!columns.length) throw new Error(`PostgreSQL has no table "${table}"`);
      const types = new Map(columns.map((c) => [c.column_name, c.data_type]));
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all();
      counts[table] = rows.length;
      if (!rows.length) continue;
      const names = Object.keys(rows[0]);
      const perInsert = Math.floor(PARAMETERS_PER_INSERT / names.length);
      for (let i = 0; i < rows.length; i += perInsert) {
        const batch = rows.slice(i, i + perInsert);
        const values = [];
        const tuples = batch.map((row) => {
          const marks = names.map((name) => {
            values.push(convert(row[name], types.get(name) ?? "text"));
            return `$${values.length}`;
          });
          return `(${marks.join(", ")})`;
        });
        await client.query(
          `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
          values,
        );
      }
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } finally {
    await client.end();
    sqlite.close();
  }
  return counts;
}

/** Puts every receipt file of DATA_DIR/receipts (<2 chars>/<key>) into the bucket at <prefix><key>. */
export async function copyReceiptsToBucket(dataDir, location) {
  const s3 = new S3Client({
    endpoint: location.endpoint,
    region: location.region,
    forcePathStyle: location.forcePathStyle,
    // As the app's client (lib/storage/s3.ts): no aws-chunked bodies s3rver would keep as data.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const receipts = path.join(dataDir, "receipts");
  const files = fs
    .readdirSync(receipts, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.length === 2)
    .flatMap((d) => fs.readdirSync(path.join(receipts, d.name)).map((key) => [d.name, key]));
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [dir, key] = files[next++];
      await s3.send(
        new PutObjectCommand({
          Bucket: location.bucket,
          Key: location.prefix + key,
          Body: fs.readFileSync(path.join(receipts, dir, key)),
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  s3.destroy();
  return files.length;
}
