import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { RECEIPT_KEY } from "@/lib/config/paths.mjs";
import { storageLocation } from "@/lib/config/storage-url.mjs";
import { PDF, sha256, textOfSize } from "./files";
import { MOBILE_PLAN, PASSWORD, uniqueEmail } from "./helpers";
import { START_HOOK_TIMEOUT_MS, type OwnServer } from "./server";
import { scaledEnginesFor } from "../support/scaled-engines";
import { handUpload } from "./hand-upload";
import { startInstance } from "./two-instances";

// Issue 32: two instances on one database and one store; a large upload is
// streaming through A when A dies by kill -9. B serves throughout, and once
// A is back and has swept, every receipt row has its file and every file its
// row. On disk in the sqlite project; on PostgreSQL and a bucket in the
// postgres-s3 project, or when DATABASE_URL and STORAGE_URL say so in a run by
// hand (under a prefix of this test's own: its sweep, told to take
// everything without a row, must not touch other tests' objects).

const MiB = 1024 * 1024;

/**
 * The engines of the test: the postgres-s3 project's (a database of its own),
 * else the environment's (a run by hand), else the embedded ones.
 */
async function enginesOf(projectName: string) {
  const engines = (await scaledEnginesFor(projectName, "scale-crash")) ?? {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    STORAGE_URL: process.env.STORAGE_URL ?? "",
  };
  const storageUrl = engines.STORAGE_URL
    ? withPrefix(engines.STORAGE_URL, `crash-${randomBytes(4).toString("hex")}`)
    : "";
  return { ...engines, STORAGE_URL: storageUrl, UPLOAD_MAX_BYTES: String(64 * MiB) };
}

/** STORAGE_URL with `name` under its prefix. */
function withPrefix(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, "")}/${name}`;
  return parsed.href;
}

/** The storage keys of `email`'s receipt rows, from the shared database itself. */
async function rowKeys(dataDir: string, databaseUrl: string, email: string): Promise<string[]> {
  const sql =
    'SELECT r."storageKey" AS "key" FROM "Receipt" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = $1';
  if (databaseUrl.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ key: string }>(sql, [email])).rows.map((r) => r.key).sort();
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(dataDir, "cancelcase.db"), { readonly: true });
  try {
    const rows = db.prepare(sql.replace("$1", "?")).all(email) as { key: string }[];
    return rows.map((r) => r.key).sort();
  } finally {
    db.close();
  }
}

/** What the store holds: complete files (or objects) and unfinished uploads on disk. */
async function storedFiles(
  dataDir: string,
  storageUrl: string,
): Promise<{ complete: string[]; temporary: string[] }> {
  const location = storageLocation(storageUrl || undefined);
  if (location) {
    const client = new S3Client({
      endpoint: location.endpoint ?? undefined,
      region: location.region ?? "us-east-1",
      forcePathStyle: location.forcePathStyle,
    });
    try {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix }),
      );
      const keys = (page.Contents ?? []).map((o) => o.Key!.slice(location.prefix.length));
      return { complete: keys.filter((key) => RECEIPT_KEY.test(key)).sort(), temporary: [] };
    } finally {
      client.destroy();
    }
  }
  const root = path.join(dataDir, "receipts");
  const complete: string[] = [];
  const temporary: string[] = [];
  for (const shard of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    for (const name of fs.readdirSync(path.join(root, shard)))
      (shard === "tmp" ? temporary : complete).push(name);
  }
  return { complete: complete.sort(), temporary };
}

async function caseOf(request: APIRequestContext, url: string, email: string) {
  await request.post(`${url}/api/v1/auth/register`, { data: { email, password: PASSWORD } });
  const { token } = await (
    await request.post(`${url}/api/v1/auth/token`, { data: { email, password: PASSWORD } })
  ).json();
  const auth = { Authorization: `Bearer ${token}` };
  const sub = await (
    await request.post(`${url}/api/v1/subscriptions`, { headers: auth, data: MOBILE_PLAN })
  ).json();
  const kase = await (
    await request.post(`${url}/api/v1/cases`, {
      headers: auth,
      data: { subscriptionId: sub.id, reason: "cost" },
    })
  ).json();
  return { token: token as string, auth, caseId: kase.id as string };
}

test("kill -9 of one instance mid-upload: the other serves throughout, and after the sweep every row has its file and every file its row", async ({
  request,
}, testInfo) => {
  // Three servers of its own to start: on a loaded machine that alone can take minutes.
  test.setTimeout(4 * START_HOOK_TIMEOUT_MS);
  const ENV = await enginesOf(testInfo.project.name);
  const scaledOut = Boolean(ENV.STORAGE_URL);
  // Both projects may run this file at once: their DATA_DIRs are apart.
  const name = ENV.DATABASE_URL ? "scale-crash-pg" : "scale-crash";
  let a: OwnServer = await startInstance(name, 0, ENV);
  const b = await startInstance(name, 1, ENV);
  try {
    const email = uniqueEmail("scale-crash").toLowerCase();
    const { token, auth, caseId } = await caseOf(request, b.url, email);
    const files = new Map<string, Buffer>();
    const upload = async (server: OwnServer, name: string, bytes: Buffer) => {
      files.set(name, bytes);
      const answer = await request.post(`${server.url}/api/v1/cases/${caseId}/receipts`, {
        headers: auth,
        multipart: {
          kind: "confirmation",
          file: { name, mimeType: "application/octet-stream", buffer: bytes },
        },
      });
      expect(answer.status(), name).toBe(201);
    };
    const bServes = async (what: string) =>
      expect(
        (await request.get(`${b.url}/api/v1/cases/${caseId}`, { headers: auth })).status(),
        what,
      ).toBe(200);

    await upload(a, "before-a.txt", textOfSize(200 * 1024));
    await upload(b, "before-b.pdf", PDF);

    // 12 MiB, cut off after 7: more than one 5 MiB part is in a bucket by then.
    const large = textOfSize(12 * MiB);
    const inFlight = handUpload(
      a.url,
      token,
      caseId,
      { name: "large.txt", body: large },
      { pauseAt: 7 * MiB },
    );
    await inFlight.sent;
    if (!scaledOut) {
      // On disk the upload is visibly under way: its .part file is growing.
      await expect
        .poll(
          async () => {
            const tmp = path.join(a.dataDir, "receipts", "tmp");
            const parts = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
            return parts.reduce((sum, name) => sum + fs.statSync(path.join(tmp, name)).size, 0);
          },
          { timeout: 60_000 },
        )
        .toBeGreaterThan(4 * MiB);
    }
    await bServes("while A receives");
    await a.kill();
    expect(await inFlight.status).not.toBe(201);
    await bServes("once A is gone");
    await upload(b, "while-a-is-down.txt", textOfSize(300 * 1024));
    if (!scaledOut)
      expect((await storedFiles(a.dataDir, ENV.STORAGE_URL)).temporary.length).toBeGreaterThan(0);

    // A comes back and sweeps at once, as its first start an hour later
    // would; B answers all the while.
    const restarted = startInstance(
      name,
      0,
      { ...ENV, CANCELCASE_TEST_SWEEP_GRACE_SECONDS: "0" },
      { fresh: false },
    );
    let restarting = true;
    const duringRestart: number[] = [];
    const probe = (async () => {
      while (restarting) {
        duringRestart.push(
          (await request.get(`${b.url}/api/v1/cases/${caseId}`, { headers: auth })).status(),
        );
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    try {
      a = await restarted;
    } finally {
      restarting = false;
      await probe;
    }
    expect(duringRestart.length).toBeGreaterThan(0);
    expect(duringRestart.every((status) => status === 200)).toBe(true);

    const rows = await rowKeys(a.dataDir, ENV.DATABASE_URL, email);
    const stored = await storedFiles(a.dataDir, ENV.STORAGE_URL);
    expect(rows).toHaveLength(3);
    expect(stored.temporary).toEqual([]);
    expect(stored.complete).toEqual(rows);

    // Every receipt is whole, through either instance.
    const detail = await (
      await request.get(`${b.url}/api/v1/cases/${caseId}`, { headers: auth })
    ).json();
    expect(detail.receipts.map((r: { fileName: string }) => r.fileName).sort()).toEqual(
      ["before-a.txt", "before-b.pdf", "while-a-is-down.txt"].sort(),
    );
    for (const receipt of detail.receipts) {
      for (const server of [a, b]) {
        const download = await request.get(`${server.url}/api/v1/receipts/${receipt.id}/download`, {
          headers: auth,
        });
        expect(download.status(), receipt.fileName).toBe(200);
        expect(sha256(await download.body()), receipt.fileName).toBe(
          sha256(files.get(receipt.fileName)!),
        );
      }
    }
  } finally {
    await a.stop();
    await b.stop();
  }
});
