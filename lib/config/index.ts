import path from "node:path";
import { databaseFile } from "./paths.mjs";

export { dataDir, databaseFile } from "./paths.mjs";

// Every setting has a working default (docs/contract.md "Configuration"); this module
// (with ./paths.mjs, which the npm scripts share) is the one place that reads
// them, so scripts, the app and tests agree.
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function databaseUrl(): string {
  return `file:${databaseFile()}`;
}

export function port(): number {
  return positiveInt("PORT", 3000);
}

/** The public origin of the app, e.g. https://cancel.example.com (no trailing slash). */
export function baseUrl(): string {
  const raw = process.env.BASE_URL?.trim();
  if (!raw) return `http://localhost:${port()}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BASE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`BASE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  return url.href.replace(/\/+$/, "");
}

export function uploadMaxBytes(): number {
  return positiveInt("UPLOAD_MAX_BYTES", 20 * 1024 * 1024);
}

export function userQuotaBytes(): number {
  return positiveInt("USER_QUOTA_BYTES", 1024 * 1024 * 1024);
}

export function allowRegistration(): boolean {
  return flag("ALLOW_REGISTRATION", true);
}

/** Sign-ups allowed per client address per hour (docs/contract.md: 30). */
export function signupsPerHour(): number {
  return positiveInt("SIGNUPS_PER_HOUR", 30);
}

/** The SMTP server mail goes through (smtp://user:pass@host:587, smtps://…), or null: no email. */
export function smtpUrl(): string | null {
  const raw = process.env.SMTP_URL?.trim();
  if (!raw) return null;
  if (!/^smtps?:\/\//.test(raw)) throw new Error("SMTP_URL must start with smtp:// or smtps://");
  return raw;
}

/** The sender of CancelCase's mail. */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || `CancelCase <cancelcase@${new URL(baseUrl()).hostname}>`;
}

/** Origins besides the big browsers' push services that push messages may go to (comma-separated). */
export function pushAllowedOrigins(): string[] {
  return (process.env.PUSH_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      let url: URL | null = null;
      try {
        url = new URL(origin);
      } catch {
        // reported below
      }
      if (url?.protocol !== "https:") {
        throw new Error(`PUSH_ALLOWED_ORIGINS must list https origins, got "${origin}"`);
      }
      return url.origin;
    });
}

/**
 * Hosts (names, IP literals, or host:port) that outbound calls to user-given
 * URLs may reach even on a private or loopback address, and over plain http
 * (lib/net/outbound.ts). Empty by default.
 */
export function outboundAllowedHosts(): string[] {
  return (process.env.OUTBOUND_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)
    .map((host) => {
      if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host)) {
        throw new Error(`OUTBOUND_ALLOWED_HOSTS must list host names or host:port, got "${host}"`);
      }
      return host;
    });
}

/** Seconds between two passes of the reminder scheduler (60; tests use less). */
export function reminderTickSeconds(): number {
  return Math.min(positiveInt("REMINDER_TICK_SECONDS", 60), 3600);
}

/** Statement lines one account may keep (imports past it are refused whole). */
export function transactionsPerUserLimit(): number {
  return positiveInt("TRANSACTIONS_PER_USER_MAX", 200_000);
}

/** Push subscriptions (browsers, phones) one account may keep. */
export function pushSubscriptionsPerUserLimit(): number {
  return positiveInt("PUSH_SUBSCRIPTIONS_PER_USER_MAX", 20);
}

/** Trust X-Forwarded-For only when a reverse proxy we control sets it. */
export function trustProxy(): boolean {
  return flag("TRUST_PROXY", false);
}

/**
 * Per-user limits that no real person reaches but that bound what one
 * account can make the server read, render or export (docs/contract.md: 422
 * `limit_reached`).
 */
export function notesPerCaseLimit(): number {
  return positiveInt("NOTES_PER_CASE_MAX", 2000);
}

export function casesPerUserLimit(): number {
  return positiveInt("CASES_PER_USER_MAX", 10_000);
}

export function subscriptionsPerUserLimit(): number {
  return positiveInt("SUBSCRIPTIONS_PER_USER_MAX", 5000);
}

/** A case's history: every transition writes one or more events. */
export function eventsPerCaseLimit(): number {
  return positiveInt("EVENTS_PER_CASE_MAX", 1000);
}

export function receiptsPerCaseLimit(): number {
  return positiveInt("RECEIPTS_PER_CASE_MAX", 500);
}

/** The lines a deleted note or receipt leaves in a case's record. */
export function caseChangesPerCaseLimit(): number {
  return positiveInt("CASE_CHANGES_PER_CASE_MAX", 1000);
}

/**
 * The worker pool's entry, bundled by scripts/build-workers.mjs into the
 * build; HOSTILE_WORKER_FILE points elsewhere (the unit tests bundle their own).
 */
export function hostileWorkerFile(): string {
  const raw = process.env.HOSTILE_WORKER_FILE?.trim();
  return raw
    ? path.resolve(/* turbopackIgnore: true */ raw)
    : path.join(
        /* turbopackIgnore: true */ process.cwd(),
        ".next",
        "cancelcase-workers",
        "hostile-jobs.cjs",
      );
}

/** Threads per server process that parse and render uploaded files (lib/workers/pool.ts). */
export function fileWorkerThreads(): number {
  return positiveInt("FILE_WORKER_THREADS", 1);
}

/** The heap one file job may use (MB); a job past it fails as too complex for the server. */
export function fileWorkerHeapMb(): number {
  return positiveInt("FILE_WORKER_HEAP_MB", 192);
}

/** How long an idle file worker thread lives before it exits and gives its memory back. */
export function fileWorkerIdleMs(): number {
  return positiveInt("FILE_WORKER_IDLE_MS", 5000);
}
