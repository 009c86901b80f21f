import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";
import { PASSWORD, uniqueEmail, WALK } from "./helpers";
import { startOwnServer } from "./server";

test("kill -9 during a storm of transitions: the database passes its checks and every case's history matches its state", async ({
  request,
}) => {
  test.setTimeout(120_000);
  let server = await startOwnServer("crash-transitions");
  const email = uniqueEmail("storm");
  await request.post(`${server.url}/api/v1/auth/register`, { data: { email, password: PASSWORD } });
  const { token } = await (
    await request.post(`${server.url}/api/v1/auth/token`, { data: { email, password: PASSWORD } })
  ).json();
  const auth = { Authorization: `Bearer ${token}` };
  const caseIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const sub = await (
      await request.post(`${server.url}/api/v1/subscriptions`, {
        headers: auth,
        data: {
          provider: `Storm ${i}`,
          category: "other",
          amount: 100,
          currency: "USD",
          billingCycle: "monthly",
        },
      })
    ).json();
    caseIds.push(
      (
        await (
          await request.post(`${server.url}/api/v1/cases`, {
            headers: auth,
            data: { subscriptionId: sub.id, reason: "cost" },
          })
        ).json()
      ).id,
    );
  }

  // Each case walks its steps as fast as it can, two racers per case; the server dies mid-storm.
  let stop = false;
  let acknowledged = 0; // moves the server answered 200 for before it died
  const racer = async (caseId: string) => {
    for (let step = 0; !stop && step < 200; step++) {
      try {
        const current = await (
          await fetch(`${server.url}/api/v1/cases/${caseId}`, { headers: auth })
        ).json();
        const next = WALK[(WALK.indexOf(current.state) + 1) % WALK.length] ?? "bill_checked";
        const to =
          current.state === "under_review"
            ? "rejected"
            : current.state === "rejected"
              ? "bill_checked"
              : next;
        const moved = await fetch(`${server.url}/api/v1/cases/${caseId}/transitions`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({
            to,
            expectedVersion: current.version,
            rejectionReason: to === "rejected" ? "other" : undefined,
          }),
        });
        if (moved.status === 200 && !stop) acknowledged++;
      } catch {
        return; // the server is gone
      }
    }
  };
  let racing = true;
  const storm = Promise.all(caseIds.flatMap((id) => [racer(id), racer(id)])).finally(
    () => (racing = false),
  );
  // Kill once enough moves have been acknowledged, however fast this machine is.
  while (acknowledged < 40 && racing) await new Promise((r) => setTimeout(r, 20));
  expect(acknowledged).toBeGreaterThanOrEqual(40);
  const acknowledgedAtKill = acknowledged;
  stop = true;
  await server.kill();
  await storm;

  // Checked on the file itself, with the server down (never a live copy).
  const db = new Database(path.join(server.dataDir, "cancelcase.db"));
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    // synchronous=FULL: every move the server acknowledged survived the kill.
    const { moves } = db
      .prepare("SELECT count(*) AS moves FROM CaseEvent WHERE [from] IS NOT NULL")
      .get() as { moves: number };
    expect(moves).toBeGreaterThanOrEqual(acknowledgedAtKill);
    for (const id of caseIds) {
      const kase = db
        .prepare("SELECT state, version FROM CancellationCase WHERE id = ?")
        .get(id) as { state: string; version: number };
      const events = db
        .prepare("SELECT seq, [from], [to] FROM CaseEvent WHERE caseId = ? ORDER BY seq")
        .all(id) as { seq: number; from: string | null; to: string }[];
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
      expect(events.at(-1)?.to).toBe(kase.state);
      events.forEach((event, i) => i > 0 && expect(event.from).toBe(events[i - 1]!.to));
    }
  } finally {
    db.close();
  }

  // And the app carries on from exactly there.
  server = await startOwnServer("crash-transitions", {}, { fresh: false });
  try {
    for (const id of caseIds) {
      const current = await (
        await request.get(`${server.url}/api/v1/cases/${id}`, { headers: auth })
      ).json();
      const moved = await request.post(`${server.url}/api/v1/cases/${id}/transitions`, {
        headers: auth,
        data: { to: "withdrawn", expectedVersion: current.version },
      });
      expect(moved.status()).toBe(200);
    }
  } finally {
    await server.stop();
  }
});
