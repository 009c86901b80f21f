/**
 * The scheduler's croner pattern for REMINDER_TICK_SECONDS: every N seconds
 * under a minute, else every N minutes (N = seconds / 60, rounded), at most
 * hourly. (Every value of a minute or more used to mean "every minute".)
 */
export function tickPattern(seconds: number): string {
  if (seconds < 60) return `*/${seconds} * * * * *`;
  const minutes = Math.round(seconds / 60);
  if (minutes >= 60) return "0 0 * * * *";
  return minutes === 1 ? "0 * * * * *" : `0 */${minutes} * * * *`;
}
