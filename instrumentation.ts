// Runs once when the server starts: files left behind by a crash (temporary
// uploads, files whose row was never committed) are swept before serving, and
// the dummy password hash for unknown emails is made before the first login,
// and the reminder scheduler starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDummyHash } = await import("@/lib/auth/passwords");
  await prepareDummyHash();
  const { sweepReceiptFiles } = await import("@/lib/data/receipts");
  const { removed } = await sweepReceiptFiles();
  if (removed > 0) console.log(`[cancelcase] swept ${removed} leftover receipt file(s)`);
  const { startReminderScheduler } = await import("@/lib/notifications/scheduler");
  startReminderScheduler();
}
