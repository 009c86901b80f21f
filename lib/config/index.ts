import path from "node:path";
import { quota, sweepGraceSeconds } from "./quotas.mjs";
import { hostileWorkerFileOverride, setting } from "./settings.mjs";
import type { S3Location } from "./storage-url.mjs";
import { vapidKeysFromEnv } from "./shared-secrets.mjs";

export { dataDir, databaseFile, databaseUrl, usesPostgres } from "./paths.mjs";

// The app's view of the settings: each is parsed by the one table in
// ./settings.mjs (which the server and the npm scripts read too), so a value
// means the same everywhere and a bad one is refused everywhere. Read on
// each call, not once, so tests can change the environment between cases.

export function port(): number {
  return setting("PORT");
}

/** The public origin of the app, e.g. https://cancel.example.com (no trailing slash). */
export function baseUrl(): string {
  return setting("BASE_URL");
}

export function uploadMaxBytes(): number {
  return setting("UPLOAD_MAX_BYTES");
}

/** Where receipts live when not on the local disk: an S3-compatible bucket, or null. */
export function storageUrl(): S3Location | null {
  return setting("STORAGE_URL");
}

export function userQuotaBytes(): number {
  return setting("USER_QUOTA_BYTES");
}

export function allowRegistration(): boolean {
  return setting("ALLOW_REGISTRATION");
}

/** Sign-ups allowed per client address per hour (docs/contract.md: 30). */
export function signupsPerHour(): number {
  return setting("SIGNUPS_PER_HOUR");
}

/** The SMTP server mail goes through (smtp://user:pass@host:587, smtps://…), or null: no email. */
export function smtpUrl(): string | null {
  return setting("SMTP_URL");
}

/** The sender of CancelCase's mail. */
export function mailFrom(): string {
  return setting("MAIL_FROM");
}

/** The secret that signs sessions, or null when the environment has none. */
export function nextauthSecret(): string | null {
  return setting("NEXTAUTH_SECRET");
}

/** The Web Push key pair from the environment, or null: made in DATA_DIR on first use. */
export function vapidKeysSetting(): { publicKey: string; privateKey: string } | null {
  return vapidKeysFromEnv();
}

/** Origins besides the big browsers' push services that push messages may go to (comma-separated). */
export function pushAllowedOrigins(): string[] {
  return setting("PUSH_ALLOWED_ORIGINS");
}

/**
 * Hosts (names, IP literals, or host:port) that outbound calls to user-given
 * URLs may reach even on a private or loopback address, and over plain http
 * (lib/net/outbound.ts). Empty by default.
 */
export function outboundAllowedHosts(): string[] {
  return setting("OUTBOUND_ALLOWED_HOSTS");
}

/** The Telegram Bot API's base: api.telegram.org, or the operator's own Bot API server. */
export function telegramApiUrl(): string {
  return setting("TELEGRAM_API_URL");
}

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  label: string | null;
  allowedDomains: string[];
};

/** Single sign-on (docs/decisions/025-oidc.md), or null when OIDC_ISSUER is unset. */
export function oidcSettings(): OidcSettings | null {
  const issuer = setting("OIDC_ISSUER");
  const clientId = setting("OIDC_CLIENT_ID");
  if (!issuer || !clientId) return null;
  return {
    issuer,
    clientId,
    clientSecret: setting("OIDC_CLIENT_SECRET"),
    label: setting("OIDC_LABEL"),
    allowedDomains: setting("OIDC_ALLOWED_DOMAINS"),
  };
}

/** Whether passwords sign in at all (false: single sign-on only). */
export function passwordLogin(): boolean {
  return setting("PASSWORD_LOGIN");
}

/** Seconds between two passes of the reminder scheduler (60; tests use less). */
export function reminderTickSeconds(): number {
  return setting("REMINDER_TICK_SECONDS");
}

/** Trust X-Forwarded-For only when a reverse proxy we control sets it. */
export function trustProxy(): boolean {
  return setting("TRUST_PROXY");
}

// Per-user limits that no real person reaches (constants with a test-only
// override, ./quotas.mjs QUOTAS).

/** Statement lines one account may keep (imports past it are refused whole). */
export function transactionsPerUserLimit(): number {
  return quota("TRANSACTIONS_PER_USER_MAX");
}

/** Push subscriptions (browsers, phones) one account may keep. */
export function pushSubscriptionsPerUserLimit(): number {
  return quota("PUSH_SUBSCRIPTIONS_PER_USER_MAX");
}

export function notesPerCaseLimit(): number {
  return quota("NOTES_PER_CASE_MAX");
}

export function casesPerUserLimit(): number {
  return quota("CASES_PER_USER_MAX");
}

export function subscriptionsPerUserLimit(): number {
  return quota("SUBSCRIPTIONS_PER_USER_MAX");
}

/** A case's history: every transition writes one or more events. */
export function eventsPerCaseLimit(): number {
  return quota("EVENTS_PER_CASE_MAX");
}

export function receiptsPerCaseLimit(): number {
  return quota("RECEIPTS_PER_CASE_MAX");
}

/** The lines a deleted note or receipt leaves in a case's record. */
export function caseChangesPerCaseLimit(): number {
  return quota("CASE_CHANGES_PER_CASE_MAX");
}

/** Playbook corrections one account may keep. */
export function playbookCorrectionsPerUserLimit(): number {
  return quota("PLAYBOOK_CORRECTIONS_PER_USER_MAX");
}

/** Whether an account runs this server (OPERATOR_EMAILS): its playbook corrections show to everyone. */
export function isOperator(email: string): boolean {
  return setting("OPERATOR_EMAILS").includes(email.toLowerCase());
}

/** How old a receipt file without a row must be before the start-up sweep takes it (an hour). */
export function receiptSweepGraceMs(): number {
  return sweepGraceSeconds() * 1000;
}

/**
 * The worker pool's entry, bundled by scripts/build-workers.mjs into the
 * build; HOSTILE_WORKER_FILE points elsewhere (the unit tests bundle their own).
 */
export function hostileWorkerFile(): string {
  const raw = hostileWorkerFileOverride();
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
  return setting("FILE_WORKER_THREADS");
}

/** The heap one file job may use (MB); a job past it fails as too complex for the server. */
export function fileWorkerHeapMb(): number {
  return setting("FILE_WORKER_HEAP_MB");
}

/** How long an idle file worker thread lives before it exits and gives its memory back. */
export function fileWorkerIdleMs(): number {
  return setting("FILE_WORKER_IDLE_MS");
}

/** The folder of provider playbooks, relative to the working directory (tests: their fixtures). */
export function playbookDir(): string {
  return setting("PLAYBOOK_DIR");
}
