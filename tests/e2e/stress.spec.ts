import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sha256 } from "./files";
import { PASSWORD, uniqueEmail, WALK } from "./helpers";
import { startOwnServer, type OwnServer } from "./server";

// `npm run test:stress` (not part of `npm test`; .ci/run runs both): the
// slow proofs, at volumes well above the fast suite's. Counts, never times,
// decide when to strike, so a slow machine only makes them take longer.

async function account(baseUrl: string) {
  const email = uniqueEmail("stress");
  await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { token } = await (
    await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
  ).json();
  return { Authorization: `Bearer ${token}` };
}

async function post(url: string, auth: Record<string, string>, body: unknown) {
  return fetch(url, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function openCases(baseUrl: string, auth: Record<string, string>, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = await (
      await post(`${baseUrl}/api/v1/subscriptions`, auth, {
        provider: `Stress ${i}`,
        category: "other",
        amount: 100,
        currency: "USD",
        billingCycle: "monthly",
      })
    ).json();
    ids.push(
      (
        await (
          await post(`${baseUrl}/api/v1/cases`, auth, { subscriptionId: sub.id, reason: "cost" })
        ).json()
      ).id,
    );
  }
  return ids;
}

function upload(
  baseUrl: string,
  auth: Record<string, string>,
  caseId: string,
  name: string,
  bytes: Buffer,
) {
  const body = new FormData();
  body.set("kind", "other");
  body.set("file", new Blob([new Uint8Array(bytes)], { type: "text/plain" }), name);
  return fetch(`${baseUrl}/api/v1/cases/${caseId}/receipts`, {
    method: "POST",
    headers: auth,
    body,
  });
}

/** Committed receipt files and leftover temporary ones under a DATA_DIR. */
function filesOnDisk(dataDir: string) {
  const root = path.join(dataDir, "receipts");
  const committed = new Map<string, string>();
  let temporary = 0;
  for (const shard of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    for (const name of fs.readdirSync(path.join(root, shard))) {
      if (shard === "tmp") temporary++;
      else committed.set(name, sha256(fs.readFileSync(path.join(root, shard, name))));
    }
  }
  return { committed, temporary };
}

test("@stress five kill -9 rounds under mixed writes: every acknowledged write survives and the files match the rows", async () => {
  test.setTimeout(600_000);
  let server: OwnServer = await startOwnServer("stress-crash", {
    UPLOAD_MAX_BYTES: String(8 * 1024 * 1024),
  });
  const auth = await account(server.url);
  const caseIds = await openCases(server.url, auth, 6);
  const ackedNotes = new Set<string>();
  const ackedReceipts = new Map<string, string>(); // id → sha256
  let ackedMoves = 0;
  const rounds = 5;

  for (let round = 1; round <= rounds; round++) {
    if (round > 1)
      server = await startOwnServer(
        "stress-crash",
        // Restarted at once: the sweep's hour of grace (for other instances' files) is waived.
        { UPLOAD_MAX_BYTES: String(8 * 1024 * 1024), CANCELCASE_TEST_SWEEP_GRACE_SECONDS: "0" },
        { fresh: false },
      );
    // A restart sweeps what the last kill left half-written.
    expect(filesOnDisk(server.dataDir).temporary, `round ${round}: temp files after restart`).toBe(
      0,
    );
    const base = server.url;
    let stop = false;
    let acks = 0;
    const guard = async (work: () => Promise<void>) => {
      while (!stop) {
        try {
          await work();
        } catch {
          return; // the server is gone
        }
      }
    };
    const mover = (caseId: string) =>
      guard(async () => {
        const current = await (
          await fetch(`${base}/api/v1/cases/${caseId}`, { headers: auth })
        ).json();
        const to =
          current.state === "under_review"
            ? "rejected"
            : ["rejected", "open"].includes(current.state)
              ? "bill_checked"
              : (WALK[WALK.indexOf(current.state) + 1] ?? "bill_checked");
        const moved = await post(`${base}/api/v1/cases/${caseId}/transitions`, auth, {
          to,
          expectedVersion: current.version,
          rejectionReason: to === "rejected" ? "other" : undefined,
        });
        if (moved.status === 200 && !stop) {
          ackedMoves++;
          acks++;
        }
      });
    const noter = (caseId: string) =>
      guard(async () => {
        const response = await post(`${base}/api/v1/cases/${caseId}/notes`, auth, {
          channel: "chat",
          occurredAt: "2026-11-21T10:00:00Z",
          summary: `round ${round} ${randomBytes(4).toString("hex")}`,
        });
        if (response.status === 201 && !stop) {
          ackedNotes.add((await response.json()).id);
          acks++;
        }
      });
    const uploader = (caseId: string) =>
      guard(async () => {
        const bytes = Buffer.concat([
          Buffer.from(`round ${round} ${randomBytes(16).toString("hex")}\n`),
          Buffer.alloc(250_000, "s"),
        ]);
        const response = await upload(base, auth, caseId, "proof.txt", bytes);
        if (response.status === 201 && !stop) {
          const receipt = await response.json();
          expect(receipt.sha256).toBe(sha256(bytes));
          ackedReceipts.set(receipt.id, receipt.sha256);
          acks++;
        }
      });
    const workers = Promise.all(
      caseIds.flatMap((id) => [mover(id), mover(id), noter(id), uploader(id)]),
    );
    const strikeAt = 60 + round * 15;
    while (acks < strikeAt) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await server.kill();
    await workers;

    const db = new Database(path.join(server.dataDir, "cancelcase.db"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true }), `round ${round}`).toBe("ok");
      expect(db.pragma("foreign_key_check"), `round ${round}`).toEqual([]);
      const noteIds = new Set(
        (db.prepare("SELECT id FROM Note").all() as { id: string }[]).map((n) => n.id),
      );
      for (const id of ackedNotes) expect(noteIds.has(id), `acknowledged note ${id}`).toBe(true);
      const rows = db.prepare("SELECT id, storageKey, sha256 FROM Receipt").all() as {
        id: string;
        storageKey: string;
        sha256: string;
      }[];
      const byId = new Map(rows.map((r) => [r.id, r.sha256]));
      for (const [id, hash] of ackedReceipts)
        expect(byId.get(id), `acknowledged receipt ${id}`).toBe(hash);
      // Every row has its file with the right bytes; files without a row are only ones the sweep will take.
      const { committed } = filesOnDisk(server.dataDir);
      for (const row of rows)
        expect(committed.get(row.storageKey), `file of ${row.id}`).toBe(row.sha256);
      const { moves } = db
        .prepare("SELECT count(*) AS moves FROM CaseEvent WHERE [from] IS NOT NULL")
        .get() as { moves: number };
      expect(moves).toBeGreaterThanOrEqual(ackedMoves);
      for (const id of caseIds) {
        const kase = db.prepare("SELECT state FROM CancellationCase WHERE id = ?").get(id) as {
          state: string;
        };
        const events = db
          .prepare("SELECT seq, [from], [to] FROM CaseEvent WHERE caseId = ? ORDER BY seq")
          .all(id) as {
          seq: number;
          from: string | null;
          to: string;
        }[];
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
        expect(events.at(-1)?.to).toBe(kase.state);
      }
    } finally {
      db.close();
    }
  }

  // After the last restart the sweep leaves exactly one file per row.
  server = await startOwnServer(
    "stress-crash",
    { CANCELCASE_TEST_SWEEP_GRACE_SECONDS: "0" },
    { fresh: false },
  );
  await server.stop();
  const db = new Database(path.join(server.dataDir, "cancelcase.db"), { readonly: true });
  const rows = db.prepare("SELECT storageKey, sha256 FROM Receipt").all() as {
    storageKey: string;
    sha256: string;
  }[];
  db.close();
  const { committed, temporary } = filesOnDisk(server.dataDir);
  expect(temporary).toBe(0);
  expect(Object.fromEntries(committed)).toEqual(
    Object.fromEntries(rows.map((r) => [r.storageKey, r.sha256])),
  );
  console.log(
    `stress crash: ${rounds} kill -9 rounds survived; ${ackedMoves} transitions, ${ackedNotes.size} notes and ` +
      `${ackedReceipts.size} receipts acknowledged, all present; ${rows.length} receipt rows = files`,
  );
});

test("@stress high volume on one instance: 100 racing transitions, 200 parallel notes, 40 parallel uploads", async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL!;
  const auth = await account(base);
  const [raceCase, notesCase] = await openCases(base, auth, 2);

  const racers = await Promise.all(
    Array.from({ length: 100 }, () =>
      post(`${base}/api/v1/cases/${raceCase}/transitions`, auth, {
        to: "bill_checked",
        expectedVersion: 1,
      }),
    ),
  );
  const statuses = racers.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(99);
  const raced = await (await fetch(`${base}/api/v1/cases/${raceCase}`, { headers: auth })).json();
  expect(raced.events).toHaveLength(2);

  const notes = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      post(`${base}/api/v1/cases/${notesCase}/notes`, auth, {
        channel: "phone",
        occurredAt: "2026-11-21T10:00:00Z",
        summary: `note ${i}`,
      }),
    ),
  );
  expect(notes.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
  // The case's GET holds the newest 100; the paged list has them all.
  const withNotes = await (
    await fetch(`${base}/api/v1/cases/${notesCase}`, { headers: auth })
  ).json();
  expect(withNotes.notes).toHaveLength(100);
  const summaries: string[] = [];
  let cursor: string | null = "";
  while (cursor !== null) {
    const page: { items: { summary: string }[]; nextCursor: string | null } = await (
      await fetch(
        `${base}/api/v1/cases/${notesCase}/notes?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
        { headers: auth },
      )
    ).json();
    summaries.push(...page.items.map((n) => n.summary));
    cursor = page.nextCursor;
  }
  expect(summaries.sort()).toEqual(Array.from({ length: 200 }, (_, i) => `note ${i}`).sort());

  // 4 users × 10 uploads of 100 kB at once (well inside each user's quota).
  const uploaders = await Promise.all(
    Array.from({ length: 4 }, async () => {
      const user = await account(base);
      const [caseId] = await openCases(base, user, 1);
      return { user, caseId: caseId! };
    }),
  );
  const files = uploaders.flatMap(({ user, caseId }) =>
    Array.from({ length: 10 }, (_, i) => ({
      user,
      caseId,
      bytes: Buffer.concat([
        Buffer.from(`upload ${randomBytes(16).toString("hex")}\n`),
        Buffer.alloc(100_000, 97 + i),
      ]),
    })),
  );
  const uploaded = await Promise.all(
    files.map((f, i) => upload(base, f.user, f.caseId, `u${i}.txt`, f.bytes)),
  );
  expect(uploaded.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
  for (const { user, caseId } of uploaders) {
    const kase = await (await fetch(`${base}/api/v1/cases/${caseId}`, { headers: user })).json();
    expect(kase.receipts).toHaveLength(10);
    for (const receipt of kase.receipts) {
      const body = Buffer.from(
        await (
          await fetch(`${base}/api/v1/receipts/${receipt.id}/download`, { headers: user })
        ).arrayBuffer(),
      );
      expect(sha256(body)).toBe(receipt.sha256);
    }
  }
  console.log(
    "stress volume: 100 racers → 1 winner + 99 × 409; 200/200 parallel notes kept; 40/40 parallel uploads whole",
  );
});
