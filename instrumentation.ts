// Runs once when a server process starts: the dummy password hash for
// unknown emails is made before the first login; files left behind by a
// crash (temporary uploads, files whose row was never committed) are swept
// before serving; and the reminder scheduler starts. Under `npm start`'s
// workers (server/start.mjs) only the leader sweeps, on its first start
// before its siblings exist, and only the leader runs the scheduler
// (CANCELCASE_SWEEP / CANCELCASE_SCHEDULER = "0" elsewhere).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { workerRole } = await import("@/lib/config/settings.mjs");
  const role = workerRole();
  // The signed-in page cache (server/middlewares/signed-in-page-cache.mjs)
  // reads sessions through the app's own data layer, handed over here.
  const { pageSessionOf } = await import("@/lib/auth/page-session");
  (globalThis as Record<symbol, unknown>)[Symbol.for("cancelcase.pageSessionReader")] =
    pageSessionOf;
  const { prepareDummyHash } = await import("@/lib/crypto/passwords");
  await prepareDummyHash();
  if (role.sweep) {
    const { sweepReceiptFiles } = await import("@/lib/data/system/receipt-files");
    const { removed } = await sweepReceiptFiles();
    if (removed > 0) console.log(`[cancelcase] swept ${removed} leftover receipt file(s)`);
  }
  if (role.scheduler) {
    const { startReminderScheduler } = await import("@/lib/notifications/scheduler");
    startReminderScheduler();
  }
}
