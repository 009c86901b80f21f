// Runs once when a server process starts: the dummy password hash for
// unknown emails is made before the first login; files left behind by a
// crash (temporary uploads, files whose row was never committed) are swept
// before serving; and the reminder scheduler starts. Under `npm start`'s
// workers (scripts/start.mjs) only the leader sweeps, on its first start
// before its siblings exist, and only the leader runs the scheduler
// (CANCELCASE_SWEEP / CANCELCASE_SCHEDULER = "0" elsewhere).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDummyHash } = await import("@/lib/crypto/passwords");
  await prepareDummyHash();
  if (process.env.CANCELCASE_SWEEP !== "0") {
    const { sweepReceiptFiles } = await import("@/lib/data/system/receipt-files");
    const { removed } = await sweepReceiptFiles();
    if (removed > 0) console.log(`[cancelcase] swept ${removed} leftover receipt file(s)`);
  }
  if (process.env.CANCELCASE_SCHEDULER !== "0") {
    const { startReminderScheduler } = await import("@/lib/notifications/scheduler");
    startReminderScheduler();
  }
}
