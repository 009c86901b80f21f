// The benchmark's data set, written straight into a migrated SQLite file (and
// the receipt folder) while no server runs: 200 users, of whom one heavy user
// has 1,000 subscriptions, 3,000 cases across every state with histories that
// follow the workflow, 30,000 notes and 2,000 small receipts, and one typical
// user with 20 subscriptions and 5 cases, and a peer-shaped user with 200
// subscriptions and 20 cases. The other 197 have a few of each,
// so indexes, not luck, keep one user's pages fast. Deterministic (seeded).
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
// The workflow and vocabularies come from the app's own domain rules (run with tsx).
import { MAIN_PATH, OPTIONAL_STEPS, REJECTION_REASONS } from "../lib/domain/case-workflow.ts";
import { CASE_METHODS, CASE_REASONS } from "../lib/domain/cases.ts";
import { NOTE_CHANNELS } from "../lib/domain/notes.ts";

// How the heavy user's 3,000 cases spread over the states (weights).
const STATE_MIX = [
  ["open", 10],
  ["bill_checked", 10],
  ["data_backed_up", 5],
  ["payment_unlinked", 5],
  ["request_submitted", 15],
  ["identity_verified", 5],
  ["under_review", 10],
  ["confirmation_received", 25],
  ["rejected", 8],
  ["withdrawn", 7],
];
const PROVIDERS = [
  ["Mint Mobile", "mobile"],
  ["Visible", "mobile"],
  ["Tello", "mobile"],
  ["US Mobile", "mobile"],
  ["T-Mobile", "mobile"],
  ["Xfinity", "internet"],
  ["Spectrum", "internet"],
  ["Netflix", "streaming"],
  ["Hulu", "streaming"],
  ["Spotify", "streaming"],
  ["Planet Fitness", "fitness"],
  ["Adobe", "software"],
  ["The Times", "news"],
  ["爱奇艺", "streaming"],
];
const WORDS =
  "agent said the plan would end after this billing cycle and that a confirmation email follows asked for a retention offer declined port out number requested supervisor escalated refund promised final bill credit 客服 说 会 发送 确认 邮件".split(
    " ",
  );

/** A small seeded PRNG (mulberry32): the same data set on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateDataset({ dbFile, dataDir, passwordHash }) {
  const rnd = random(20261124);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (min, max) => min + Math.floor(rnd() * (max - min + 1));
  let counter = 0;
  const id = (prefix) => `${prefix}${(counter++).toString(36).padStart(8, "0")}`;
  const day = 86_400_000;
  const start = Date.UTC(2025, 0, 1);
  const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");
  const date = (ms) => new Date(ms).toISOString().slice(0, 10);
  const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const weighted = (mix) => {
    const total = mix.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [value, w] of mix) if ((r -= w) < 0) return value;
    return mix[0][0];
  };

  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // a throwaway file, written once
  db.pragma("foreign_keys = OFF"); // events go in before their case row; checked at the end
  const insert = {
    user: db.prepare(
      "INSERT INTO User (id, email, name, passwordHash, locale, timeZone, sessionVersion, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
    ),
    sub: db.prepare(
      `INSERT INTO Subscription (id, userId, provider, category, plan, amount, currency, billingCycle, nextRenewalOn, accountRef,
        paymentMethod, autoRenew, cancelUrl, status, cancelledAt, notes, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    kase: db.prepare(
      `INSERT INTO CancellationCase (id, userId, subscriptionId, reason, method, state, version, confirmationNumber, nextFollowUpOn,
        openedAt, closedAt, updatedAt, openedOn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, substr(?, 1, 10))`,
    ),
    event: db.prepare(
      "INSERT INTO CaseEvent (id, userId, caseId, [from], [to], at, comment, skipped, rejectionReason, seq, occurredOn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, substr(?, 1, 10))",
    ),
    note: db.prepare(
      `INSERT INTO Note (id, userId, caseId, channel, occurredAt, agent, reference, durationMinutes, summary, outcome, followUpOn,
        createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    receipt: db.prepare(
      `INSERT INTO Receipt (id, userId, caseId, noteId, kind, fileName, mimeType, size, sha256, storageKey, uploadedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  /** The events that take a new case to `state`, in order, as the workflow records them. */
  function history(state) {
    const steps = [];
    let from = "open";
    const walkTo = (target) => {
      for (let i = MAIN_PATH.indexOf(from) + 1; i <= MAIN_PATH.indexOf(target); i++) {
        const to = MAIN_PATH[i];
        // A move that jumps optional steps records each as a skipped event.
        steps.push({ from, to, skipped: to !== target && OPTIONAL_STEPS.has(to) && rnd() < 0.5 });
        from = to;
      }
    };
    if (state === "rejected") {
      walkTo("request_submitted");
      steps.push({
        from,
        to: "rejected",
        rejectionReason: pick(REJECTION_REASONS),
      });
    } else if (state === "withdrawn") {
      walkTo(pick(["open", "bill_checked", "request_submitted"]));
      steps.push({ from, to: "withdrawn" });
    } else walkTo(state);
    return steps;
  }

  function addUser(i, name, locale = "en") {
    const userId = id("u");
    const at = iso(start + i * 1000);
    insert.user.run(
      userId,
      `bench-${i}@example.com`,
      name,
      passwordHash,
      locale,
      "America/New_York",
      at,
      at,
    );
    return userId;
  }

  function addSubscription(userId, status = "active") {
    const [provider, category] = pick(PROVIDERS);
    const subId = id("s");
    const created = start + int(0, 300) * day;
    const currency = rnd() < 0.85 ? "USD" : pick(["EUR", "CNY", "GBP"]);
    insert.sub.run(
      subId,
      userId,
      provider,
      category,
      pick(["Unlimited 5G", "Premium", "Basic", "Family", null]),
      int(500, 9000),
      currency,
      pick(["monthly", "monthly", "monthly", "yearly", "quarterly", "weekly"]),
      date(start + int(300, 500) * day),
      `ACCT-${int(100000, 999999)}`,
      pick(["Visa ••4242", "Mastercard ••5454", "PayPal", null]),
      rnd() < 0.8 ? 1 : 0,
      null,
      status,
      status === "cancelled" ? iso(created + 60 * day) : null,
      null,
      iso(created),
      iso(created),
    );
    return { subId, created };
  }

  /** A case with its history; returns its id and how many events it has. */
  function addCase(userId, subId, created, state) {
    const caseId = id("c");
    const opened = created + int(1, 30) * day;
    let at = opened;
    insert.event.run(id("e"), userId, caseId, null, "open", iso(at), null, 0, null, 0, iso(at));
    let seq = 1;
    let version = 1;
    for (const step of history(state)) {
      if (!step.skipped) {
        at += int(1, 5) * 3_600_000;
        version++; // one per move, however many skipped steps it records
      }
      const comment = !step.skipped && rnd() < 0.2 ? sentence(8) : null;
      insert.event.run(
        id("e"),
        userId,
        caseId,
        step.from,
        step.to,
        iso(at),
        comment,
        step.skipped ? 1 : 0,
        step.rejectionReason ?? null,
        seq++,
        iso(at),
      );
    }
    const closed = state === "confirmation_received" || state === "withdrawn";
    insert.kase.run(
      caseId,
      userId,
      subId,
      pick(CASE_REASONS),
      pick(CASE_METHODS),
      state,
      version,
      state === "confirmation_received" ? `CONF-${int(10000, 99999)}` : null,
      closed ? null : rnd() < 0.4 ? date(start + int(400, 700) * day) : null,
      iso(opened),
      closed ? iso(at) : null,
      iso(at),
      iso(opened),
    );
    return { caseId, opened, events: seq };
  }

  function addNote(userId, caseId, opened, k) {
    const noteId = id("n");
    const occurred = opened + k * 3_600_000 + int(0, 3_000_000);
    insert.note.run(
      noteId,
      userId,
      caseId,
      pick(NOTE_CHANNELS),
      iso(occurred),
      rnd() < 0.6 ? pick(["Maria", "James", "王芳", "Priya", "Chen Wei", "Alex"]) : null,
      rnd() < 0.5 ? `REF-${int(100000, 999999)}` : null,
      rnd() < 0.7 ? int(2, 90) : null,
      sentence(int(8, 40)),
      rnd() < 0.5 ? sentence(6) : null,
      rnd() < 0.1 ? date(start + int(400, 700) * day) : null,
      iso(occurred),
      iso(occurred),
    );
    return noteId;
  }

  const receiptsRoot = path.join(dataDir, "receipts");
  function addReceipt(userId, caseId, noteId, k) {
    const bytes = Buffer.from(
      `Receipt ${k}\n${"Cancellation confirmed. ".repeat(int(40, 160))}\n${randomBytes(8).toString("hex")}\n`,
    );
    const key = createHash("md5").update(`${caseId}-${k}`).digest("hex");
    const dir = path.join(receiptsRoot, key.slice(0, 2));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, key), bytes);
    insert.receipt.run(
      id("r"),
      userId,
      caseId,
      noteId,
      pick(["confirmation", "final_bill", "refund", "screenshot", "correspondence"]),
      `receipt-${k}.txt`,
      "text/plain",
      bytes.length,
      createHash("sha256").update(bytes).digest("hex"),
      key,
      iso(start + 400 * day + k * 60_000),
    );
  }

  const summary = db.transaction(() => {
    // The heavy user.
    const heavyId = addUser(0, "Heavy User");
    const subs = Array.from({ length: 1000 }, () =>
      addSubscription(heavyId, pick(["active", "cancelling", "cancelled"])),
    );
    const cases = [];
    for (let i = 0; i < 3000; i++) {
      const { subId, created } = subs[i % subs.length];
      cases.push(
        addCase(heavyId, subId, created, i === 0 ? "request_submitted" : weighted(STATE_MIX)),
      );
    }
    // One case whose timeline holds 200 entries: a long back-and-forth of
    // rejections and resubmissions, plus notes, to 200 events + notes in all.
    const long = cases[0];
    let events = long.events;
    let version = db
      .prepare("SELECT version FROM CancellationCase WHERE id = ?")
      .get(long.caseId).version;
    let state = "request_submitted";
    let at = long.opened + 30 * day;
    while (events < 60) {
      const to = state === "rejected" ? "request_submitted" : "rejected";
      const reason = to === "rejected" ? "retention" : null;
      insert.event.run(
        id("e"),
        heavyId,
        long.caseId,
        state,
        to,
        iso((at += 3_600_000)),
        null,
        0,
        reason,
        events++,
        iso(at),
      );
      state = to;
      version++;
    }
    db.prepare("UPDATE CancellationCase SET state = ?, version = ? WHERE id = ?").run(
      state,
      version,
      long.caseId,
    );
    const longNotes = 200 - events;
    let notes = 0;
    for (let k = 0; k < longNotes; k++, notes++) addNote(heavyId, long.caseId, long.opened, k);
    const heavyNoteIds = [];
    for (let k = 0; notes < 30000; k++, notes++) {
      const kase = cases[1 + (k % (cases.length - 1))];
      heavyNoteIds.push([
        kase.caseId,
        addNote(heavyId, kase.caseId, kase.opened, Math.floor(k / cases.length)),
      ]);
    }
    for (let k = 0; k < 2000; k++) {
      const [caseId, noteId] = heavyNoteIds[k * 7];
      addReceipt(heavyId, caseId, rnd() < 0.5 ? noteId : null, k);
    }

    // The typical user: 20 subscriptions, 5 cases, a handful of notes and receipts.
    const typicalId = addUser(1, "Typical User");
    const typicalSubs = Array.from({ length: 20 }, () => addSubscription(typicalId));
    const typicalCases = [
      "open",
      "bill_checked",
      "request_submitted",
      "under_review",
      "confirmation_received",
    ].map((state, i) => addCase(typicalId, typicalSubs[i].subId, typicalSubs[i].created, state));
    typicalCases.forEach((kase, i) => {
      for (let k = 0; k < 4; k++) {
        const noteId = addNote(typicalId, kase.caseId, kase.opened, k);
        if (k === 0) addReceipt(typicalId, kase.caseId, noteId, 100000 + i);
      }
    });

    // The peer-shaped user, as the other trackers are measured: 200
    // subscriptions (the leading PHP tracker's benchmark) and 20 cases.
    const peerId = addUser(2, "Peer User");
    const peerSubs = Array.from({ length: 200 }, () =>
      addSubscription(peerId, pick(["active", "active", "cancelling", "cancelled"])),
    );
    for (let c = 0; c < 20; c++) {
      const kase = addCase(peerId, peerSubs[c].subId, peerSubs[c].created, weighted(STATE_MIX));
      for (let k = 0; k < 5; k++) addNote(peerId, kase.caseId, kase.opened, k);
    }

    // Everyone else; the last one has just signed up (no data: the emptiest page).
    for (let u = 3; u < 200; u++) {
      const userId = addUser(u, `User ${u}`, u % 3 ? "en" : "zh-CN");
      if (u === 199) continue;
      const own = Array.from({ length: int(2, 8) }, () => addSubscription(userId));
      const caseCount = Math.min(own.length, int(1, 3));
      for (let c = 0; c < caseCount; c++) {
        const kase = addCase(userId, own[c].subId, own[c].created, weighted(STATE_MIX));
        const noteCount = int(2, 8);
        for (let k = 0; k < noteCount; k++) addNote(userId, kase.caseId, kase.opened, k);
      }
    }
    return { heavyLongCase: long.caseId };
  })();
  const counts = Object.fromEntries(
    ["User", "Subscription", "CancellationCase", "CaseEvent", "Note", "Receipt"].map((t) => [
      t,
      db.prepare(`SELECT count(*) AS n FROM "${t}"`).get().n,
    ]),
  );
  const broken = db.pragma("foreign_key_check");
  if (broken.length) throw new Error(`the generated data breaks ${broken.length} foreign keys`);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return {
    ...summary,
    heavy: { email: "bench-0@example.com" },
    typical: { email: "bench-1@example.com" },
    peer: { email: "bench-2@example.com" },
    empty: { email: "bench-199@example.com" },
    counts,
  };
}
