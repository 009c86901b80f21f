import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unzip } from "./files";
import { PASSWORD, uniqueEmail } from "./helpers";
import { startOwnServer } from "./server";

// `npm run test:stress`: one account at the per-user limits, every text field
// at its longest, served by a server with npm start's 192 MiB heap. The case
// page, the case's GET and paged lists, the full record and the export must
// all answer, and the server's RSS must stay under 400 MB while they do.

const SUBSCRIPTIONS = 5000; // SUBSCRIPTIONS_PER_USER_MAX
const CASES = 10_000; // CASES_PER_USER_MAX
const NOTES = 2000; // NOTES_PER_CASE_MAX, all on one case
const EVENTS = 1000; // EVENTS_PER_CASE_MAX, on the same case
const RECEIPTS = 500; // RECEIPTS_PER_CASE_MAX, on the same case

const text = (length: number, seed: string) =>
  (seed + " " + "客服说会在三天内回电。The agent promised a call back. ".repeat(length)).slice(
    0,
    length,
  );
const id = () => `c${randomBytes(12).toString("hex")}`;

/** Writes the account's rows straight into the server's database (the API would take minutes). */
function fill(dataDir: string, userId: string): string {
  const db = new Database(path.join(dataDir, "cancelcase.db"));
  db.pragma("busy_timeout = 10000");
  const now = Date.now();
  // As Prisma stores a DateTime in SQLite: ISO-8601 text with an explicit offset.
  const iso = (offsetMs: number) => new Date(now - offsetMs).toISOString().replace("Z", "+00:00");
  let heavyCase = "";
  db.transaction(() => {
    const sub = db.prepare(`INSERT INTO Subscription (id, userId, provider, category, plan, amount,
      currency, billingCycle, nextRenewalOn, accountRef, paymentMethod, autoRenew, cancelUrl, status,
      notes, createdAt, updatedAt) VALUES (?, ?, ?, 'mobile', ?, 3000, 'USD', 'monthly', '2027-01-15',
      ?, ?, 1, ?, 'cancelling', ?, ?, ?)`);
    const kase =
      db.prepare(`INSERT INTO CancellationCase (id, userId, subscriptionId, reason, method,
      state, version, confirmationNumber, nextFollowUpOn, openedAt, updatedAt, openedOn) VALUES (?, ?, ?, 'cost',
      'phone', ?, 1, ?, '2026-12-01', ?, ?, substr(?, 1, 10))`);
    const event = db.prepare(`INSERT INTO CaseEvent (id, userId, caseId, "from", "to", at, comment,
      skipped, seq, occurredOn) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, substr(?, 1, 10))`);
    const subs: string[] = [];
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      const sid = id();
      subs.push(sid);
      sub.run(
        sid,
        userId,
        text(100, `Provider ${i}`),
        text(100, "Plan"),
        text(100, "acct"),
        text(60, "Visa"),
        `https://example.com/${"c".repeat(1970)}`,
        text(5000, `notes ${i}`),
        iso(i * 1000),
        iso(i * 1000),
      );
    }
    for (let i = 0; i < CASES; i++) {
      const cid = id();
      if (i === 0) heavyCase = cid;
      const at = iso(i * 1000);
      kase.run(
        cid,
        userId,
        subs[i % SUBSCRIPTIONS],
        i === 0 ? "under_review" : "open",
        text(100, `MM-${i}`),
        at,
        at,
        at,
      );
      event.run(id(), userId, cid, null, "open", at, null, 0, at);
    }
    for (let i = 1; i < EVENTS; i++) {
      event.run(
        id(),
        userId,
        heavyCase,
        "under_review",
        "under_review",
        iso(-i),
        text(2000, `step ${i}`),
        i,
        iso(-i),
      );
    }
    const note = db.prepare(`INSERT INTO Note (id, userId, caseId, channel, occurredAt, agent,
      reference, durationMinutes, summary, outcome, followUpOn, createdAt, updatedAt)
      VALUES (?, ?, ?, 'phone', ?, ?, ?, 45, ?, ?, '2026-12-20', ?, ?)`);
    for (let i = 0; i < NOTES; i++) {
      note.run(
        id(),
        userId,
        heavyCase,
        iso(-i * 60_000),
        text(100, "Agent"),
        text(100, "REF"),
        text(5000, `call ${i}`),
        text(2000, "outcome"),
        iso(0),
        iso(0),
      );
    }
  })();
  db.close();
  return heavyCase;
}

test("@stress an account at every limit, longest texts: the case, its lists, the record and the export all answer under 400 MB", async () => {
  test.setTimeout(600_000);
  const server = await startOwnServer("limits-stress");
  const peak = { rss: 0 };
  const sample = setInterval(() => {
    try {
      // Each worker on its own: the one serving a request holds what it costs.
      for (const pid of server.servingPids()) {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        peak.rss = Math.max(peak.rss, Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
      }
    } catch {
      // the server is gone; the requests below fail and say so
    }
  }, 50);
  try {
    const email = uniqueEmail("limits");
    const registered = await (
      await fetch(`${server.url}/api/v1/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD }),
      })
    ).json();
    const heavy = fill(server.dataDir, registered.id);
    console.log("limits: account filled");
    const { token } = await (
      await fetch(`${server.url}/api/v1/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD }),
      })
    ).json();
    const auth = { Authorization: `Bearer ${token}` };

    // 500 receipts on the heavy case, through the API.
    for (let i = 0; i < RECEIPTS; i++) {
      const form = new FormData();
      form.set("file", new Blob([`receipt ${i} ${randomBytes(8).toString("hex")}\n`]), `r${i}.txt`);
      const response = await fetch(`${server.url}/api/v1/cases/${heavy}/receipts`, {
        method: "POST",
        headers: auth,
        body: form,
      });
      expect(response.status, `receipt ${i}`).toBe(201);
    }
    console.log(`limits: 500 receipts uploaded (peak RSS so far ${peak.rss.toFixed(0)} MiB)`);
    // Every limit holds: one more of anything is refused.
    const form = new FormData();
    form.set("file", new Blob(["one too many\n"]), "extra.txt");
    const extra = await fetch(`${server.url}/api/v1/cases/${heavy}/receipts`, {
      method: "POST",
      headers: auth,
      body: form,
    });
    expect(extra.status).toBe(422);
    expect((await extra.json()).error).toMatchObject({ code: "limit_reached", limit: RECEIPTS });
    const note = await fetch(`${server.url}/api/v1/cases/${heavy}/notes`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({
        channel: "phone",
        occurredAt: new Date().toISOString(),
        summary: "x",
      }),
    });
    expect((await note.json()).error).toMatchObject({ code: "limit_reached", limit: NOTES });
    const sub = await fetch(`${server.url}/api/v1/subscriptions`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({
        provider: "x",
        category: "other",
        amount: 1,
        currency: "USD",
        billingCycle: "monthly",
      }),
    });
    expect((await sub.json()).error).toMatchObject({ code: "limit_reached", limit: SUBSCRIPTIONS });

    const detail = await (
      await fetch(`${server.url}/api/v1/cases/${heavy}`, { headers: auth })
    ).json();
    console.log(`limits: the case's GET, peak RSS so far ${peak.rss.toFixed(0)} MiB`);
    expect(detail.notes).toHaveLength(100);
    expect(detail.events).toHaveLength(100);
    expect(detail.receipts).toHaveLength(100);
    for (const list of ["events", "notes", "receipts"]) {
      let cursor = detail[`${list}NextCursor`];
      let seen = 100;
      while (cursor) {
        const page = await (
          await fetch(`${server.url}/api/v1/cases/${heavy}/${list}?limit=100&cursor=${cursor}`, {
            headers: auth,
          })
        ).json();
        seen += page.items.length;
        cursor = page.nextCursor;
      }
      expect(seen, list).toBe({ events: EVENTS, notes: NOTES, receipts: RECEIPTS }[list]);
    }

    // The pages, signed in with a session cookie as a browser is.
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = await csrf.json();
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const signIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
    });
    const cookie = [csrfCookie, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join(
      "; ",
    );
    for (const page of [
      `/cases/${heavy}`,
      `/cases/${heavy}?history=all`,
      `/cases/${heavy}/evidence`,
      `/cases/${heavy}/evidence?part=20`,
      "/dashboard",
      "/subscriptions",
      "/cases",
    ]) {
      const started = Date.now();
      const response = await fetch(`${server.url}${page}`, {
        headers: { cookie },
        signal: AbortSignal.timeout(120_000),
      });
      expect(response.status, page).toBe(200);
      const bytes = (await response.arrayBuffer()).byteLength;
      console.log(
        `limits: ${page} ${(bytes / 1048576).toFixed(1)} MB in ${Date.now() - started} ms, peak RSS so far ${peak.rss.toFixed(0)} MiB`,
      );
    }
    const lastPart = await (
      await fetch(`${server.url}/cases/${heavy}/evidence?part=20`, { headers: { cookie } })
    ).text();
    expect(lastPart).toContain("part 20 of 20");
    expect(lastPart).toContain("call 1999");

    const exported = await fetch(`${server.url}/api/v1/export`, {
      headers: auth,
      signal: AbortSignal.timeout(300_000),
    });
    expect(exported.status).toBe(200);
    const zip = Buffer.from(await exported.arrayBuffer());
    const entries = await unzip(zip);
    const data = JSON.parse(entries.get("cancelcase-export.json")!.toString("utf8"));
    expect(data.subscriptions).toHaveLength(SUBSCRIPTIONS);
    expect(data.cases).toHaveLength(CASES);
    expect(data.notes).toHaveLength(NOTES);
    expect(data.receipts).toHaveLength(RECEIPTS);
    expect(data.cases.find((c: { id: string }) => c.id === heavy).events).toHaveLength(EVENTS);
    expect(entries.size).toBe(2 + RECEIPTS);

    console.log(
      `limits: export ${(zip.length / 1048576).toFixed(1)} MB (${SUBSCRIPTIONS} subscriptions, ${CASES} cases, ` +
        `${NOTES} notes, ${EVENTS} events, ${RECEIPTS} receipts); server peak RSS ${peak.rss.toFixed(0)} MiB`,
    );
    expect(peak.rss).toBeLessThan(400);
  } finally {
    clearInterval(sample);
    await server.stop();
  }
});
