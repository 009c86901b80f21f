// @ts-check
// Every setting CancelCase reads from its environment, in one table: its
// name, the default as docs/settings.md shows it, a parser and one line of
// documentation. This module is the only reader of process.env for them: the
// app (lib/config/index.ts), the server (server/) and the npm scripts all go
// through setting().
//
// Plain JavaScript with JSDoc types (checked by tsc through `// @ts-check`),
// not TypeScript: `npm start`, backup and restore run under plain node with
// no build step, and the Next app imports an .mjs as readily as a .ts.
//
// A value that makes no sense is refused (an Error naming the setting)
// rather than guessed at: a typo in TRUST_PROXY must not quietly mean false.

import { flag, list, positiveInt, refuse } from "./setting-parsers.mjs";
import { OIDC_SETTINGS } from "./oidc-settings.mjs";
import { storageLocation } from "./storage-url.mjs";

export { positiveInt };

/** @typedef {Record<string, string | undefined>} Env an environment, process.env by default */

/**
 * @template T
 * @typedef {object} Setting
 * @property {string} default  the default, as docs/settings.md and the README show it
 * @property {string} doc  one line: what it does
 * @property {(raw: string | undefined, env: Env) => T} parse
 *   raw is the trimmed value, undefined when unset or blank
 */

/**
 * @param {Env} env
 * @returns {number}
 */
function portOf(env) {
  return SETTINGS.PORT.parse(clean(env.PORT), env);
}

/**
 * @param {Env} env
 * @returns {string}
 */
function baseUrlOf(env) {
  return SETTINGS.BASE_URL.parse(clean(env.BASE_URL), env);
}

/** A DATABASE_URL that names a PostgreSQL database rather than a SQLite file. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** @param {string | undefined} raw */
export function clean(raw) {
  const value = raw?.trim();
  return value ? value : undefined;
}

export const SETTINGS = {
  PORT: /** @type {Setting<number>} */ ({
    default: "3000",
    doc: "The HTTP port.",
    parse: positiveInt("PORT", 3000, 65535),
  }),
  HOST: /** @type {Setting<string>} */ ({
    default: "0.0.0.0",
    doc: "The address to listen on (`127.0.0.1` to keep it local).",
    parse: (raw) => raw ?? "0.0.0.0",
  }),
  DATA_DIR: /** @type {Setting<string>} */ ({
    default: "./data",
    doc: "The folder of the SQLite file, the generated secrets and the receipts (kept 0700/0600).",
    // Resolved against a base by lib/config/paths.mjs (the working directory
    // in the app, the project root in the scripts).
    parse: (raw) => raw ?? "./data",
  }),
  DATABASE_URL: /** @type {Setting<string | null>} */ ({
    default: "file:$DATA_DIR/cancelcase.db",
    doc: "Another SQLite file (a `file:` URL), or a PostgreSQL database (`postgresql://user:password@host:5432/name`).",
    parse: (raw) => {
      if (raw === undefined) return null;
      if (!raw.startsWith("file:") && !POSTGRES_URL.test(raw)) {
        throw new Error(
          "DATABASE_URL must be a SQLite file: URL (file:/path/to/db) or a PostgreSQL URL (postgresql://…)",
        );
      }
      return raw;
    },
  }),
  BASE_URL: /** @type {Setting<string>} */ ({
    default: "http://localhost:$PORT",
    doc: "The public address (no trailing slash), e.g. `https://cancel.example.com` behind a reverse proxy.",
    parse: (raw, env) => {
      if (raw === undefined) return `http://localhost:${portOf(env)}`;
      /** @type {URL} */
      let url;
      try {
        url = new URL(raw);
      } catch {
        throw refuse("BASE_URL", raw, "an absolute http(s) URL");
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw refuse("BASE_URL", raw, "an absolute http(s) URL");
      }
      return url.href.replace(/\/+$/, "");
    },
  }),
  NEXTAUTH_SECRET: /** @type {Setting<string | null>} */ ({
    default: "generated",
    doc: "Signs sessions; when unset, `npm start` generates one in `$DATA_DIR/auth-secret` (mode 0600).",
    parse: (raw) => raw ?? null,
  }),
  VAPID_PUBLIC_KEY: /** @type {Setting<string | null>} */ ({
    default: "generated",
    doc: "The Web Push public key (base64url); when unset, made on first use in `$DATA_DIR/vapid.json`.",
    parse: (raw) => raw ?? null, // checked as a pair: ./shared-secrets.mjs
  }),
  VAPID_PRIVATE_KEY: /** @type {Setting<string | null>} */ ({
    default: "generated",
    doc: "The Web Push private key (base64url), set together with `VAPID_PUBLIC_KEY`.",
    parse: (raw) => raw ?? null,
  }),
  UPLOAD_MAX_BYTES: /** @type {Setting<number>} */ ({
    default: "20971520",
    doc: "The largest receipt one upload may be (20 MiB).",
    parse: positiveInt("UPLOAD_MAX_BYTES", 20 * 1024 * 1024),
  }),
  USER_QUOTA_BYTES: /** @type {Setting<number>} */ ({
    default: "1073741824",
    doc: "The receipt storage each user may use (1 GiB).",
    parse: positiveInt("USER_QUOTA_BYTES", 1024 * 1024 * 1024),
  }),
  ALLOW_REGISTRATION: /** @type {Setting<boolean>} */ ({
    default: "true",
    doc: "`false` closes sign-up (the form and `POST /api/v1/auth/register`).",
    parse: flag("ALLOW_REGISTRATION", true),
  }),
  SIGNUPS_PER_HOUR: /** @type {Setting<number>} */ ({
    default: "30",
    doc: "Sign-ups allowed per client address per hour.",
    parse: positiveInt("SIGNUPS_PER_HOUR", 30),
  }),
  SMTP_URL: /** @type {Setting<string | null>} */ ({
    default: "unset",
    doc: "The SMTP server mail goes through (`smtp://user:pass@host:587`, `smtps://…:465`); unset, no mail is sent.",
    parse: (raw) => {
      if (raw === undefined) return null;
      if (!/^smtps?:\/\//.test(raw))
        throw new Error("SMTP_URL must start with smtp:// or smtps://");
      return raw;
    },
  }),
  MAIL_FROM: /** @type {Setting<string>} */ ({
    default: "CancelCase <cancelcase@host>",
    doc: "The sender of CancelCase's mail (the host is `BASE_URL`'s).",
    parse: (raw, env) => raw ?? `CancelCase <cancelcase@${new URL(baseUrlOf(env)).hostname}>`,
  }),
  REMINDER_TICK_SECONDS: /** @type {Setting<number>} */ ({
    default: "60",
    doc: "Seconds between two passes of the reminder scheduler (at most 3600; tests use less).",
    // Past an hour is clamped rather than refused, as it always was.
    parse: (raw) => Math.min(positiveInt("REMINDER_TICK_SECONDS", 60)(raw), 3600),
  }),
  PUSH_ALLOWED_ORIGINS: /** @type {Setting<string[]>} */ ({
    default: "unset",
    doc: "Origins besides the big browsers' push services that push messages may go to (https, comma-separated).",
    parse: list((origin) => {
      /** @type {URL | null} */
      let url = null;
      try {
        url = new URL(origin);
      } catch {
        // reported below
      }
      if (url?.protocol !== "https:") {
        throw new Error(`PUSH_ALLOWED_ORIGINS must list https origins, got "${origin}"`);
      }
      return url.origin;
    }),
  }),
  OUTBOUND_ALLOWED_HOSTS: /** @type {Setting<string[]>} */ ({
    default: "unset",
    doc: "LAN or loopback hosts (names or `host:port`, comma-separated) that calls to user-given URLs may reach, plain http too.",
    parse: list((item) => {
      const host = item.toLowerCase();
      if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host)) {
        throw new Error(`OUTBOUND_ALLOWED_HOSTS must list host names or host:port, got "${host}"`);
      }
      return host;
    }),
  }),
  TELEGRAM_API_URL: /** @type {Setting<string>} */ ({
    default: "https://api.telegram.org",
    doc: "Where Telegram channels send: a self-hosted Telegram Bot API server or a relay in its place (a LAN one also needs `OUTBOUND_ALLOWED_HOSTS`).",
    parse: (raw) => {
      if (raw === undefined) return "https://api.telegram.org";
      /** @type {URL} */
      let url;
      try {
        url = new URL(raw);
      } catch {
        throw refuse("TELEGRAM_API_URL", raw, "an absolute http(s) URL");
      }
      if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.search) {
        throw refuse(
          "TELEGRAM_API_URL",
          raw,
          "an absolute http(s) URL without credentials or query",
        );
      }
      return url.href.replace(/\/+$/, "");
    },
  }),
  OPERATOR_EMAILS: /** @type {Setting<string[]>} */ ({
    default: "unset",
    doc: "The accounts (emails, comma-separated) that run this server: their playbook corrections show to everyone.",
    parse: list((item) => {
      const email = item.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
        throw new Error(`OPERATOR_EMAILS must list email addresses, got "${item}"`);
      }
      return email;
    }),
  }),
  TRUST_PROXY: /** @type {Setting<boolean>} */ ({
    default: "false",
    doc: "`true` only behind a reverse proxy you run: the client address and origin then come from its X-Forwarded- headers.",
    parse: flag("TRUST_PROXY", false),
  }),
  WEB_CONCURRENCY: /** @type {Setting<number | null>} */ ({
    default: "cores, as memory allows",
    doc: "How many worker processes serve (`1` for one); unset, one per core and per 256 MiB of memory past 192 MiB. A dead one is started again.",
    parse: (raw) => (raw === undefined ? null : positiveInt("WEB_CONCURRENCY", 1, 64)(raw)),
  }),
  COMPRESSION: /** @type {Setting<boolean>} */ ({
    default: "on",
    doc: "`off` when a reverse proxy in front compresses; otherwise pages go brotli (quality 2) or gzip (level 1).",
    // Only "off" turns it off, as it always was: any other value leaves it on.
    parse: (raw) => raw?.toLowerCase() !== "off",
  }),
  PAGE_CACHE_MB: /** @type {Setting<number>} */ ({
    default: "8",
    doc: "Memory per worker for signed-in pages kept rendered until the user's data changes; `0` turns it off.",
    parse: (raw) => {
      if (raw === undefined) return 8;
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < 0 || value > 1024) {
        throw refuse("PAGE_CACHE_MB", raw, "a whole number from 0 to 1024");
      }
      return value;
    },
  }),
  FILE_WORKER_THREADS: /** @type {Setting<number>} */ ({
    default: "1",
    doc: "Threads per worker process that read uploaded files off the serving thread.",
    parse: positiveInt("FILE_WORKER_THREADS", 1),
  }),
  FILE_WORKER_IDLE_MS: /** @type {Setting<number>} */ ({
    default: "5000",
    doc: "How long the file reader waits for the next file before it exits and gives its memory back.",
    parse: positiveInt("FILE_WORKER_IDLE_MS", 5000),
  }),
  FILE_WORKER_HEAP_MB: /** @type {Setting<number>} */ ({
    default: "192",
    doc: "The heap one file job may use (MB); a job past it fails as `file_too_complex`.",
    parse: positiveInt("FILE_WORKER_HEAP_MB", 192),
  }),
  STORAGE_URL: /** @type {Setting<import("./storage-url.mjs").S3Location | null>} */ ({
    default: "unset",
    doc: "Receipts in an S3-compatible bucket (`s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=true`); unset: on disk.",
    parse: storageLocation,
  }),
  PLAYBOOK_DIR: /** @type {Setting<string>} */ ({
    default: "playbooks",
    doc: "The folder of provider playbooks (`<slug>.json`), relative to the working directory; tests point it at their fixtures.",
    parse: (raw) => raw ?? "playbooks",
  }),
  ...OIDC_SETTINGS,
};

/** @typedef {keyof typeof SETTINGS} SettingName */

/**
 * A setting's value, parsed (throws when the value makes no sense).
 * @template {SettingName} N
 * @param {N} name
 * @param {Env} [env]
 * @returns {ReturnType<(typeof SETTINGS)[N]["parse"]>}
 */
export function setting(name, env = process.env) {
  return /** @type {any} */ (SETTINGS[name].parse(clean(env[name]), env));
}

/**
 * Whether the environment gives this setting a value (not blank).
 * @param {SettingName} name
 * @param {Env} [env]
 */
export function isSet(name, env = process.env) {
  return clean(env[name]) !== undefined;
}

/**
 * Several instances (issue 32): the database is not a SQLite file, or receipts
 * are in an object store. Raw values, whatever those settings parse to.
 * @param {Env} [env]
 */
export function scaledOut(env = process.env) {
  const database = clean(env.DATABASE_URL) ?? "file:";
  return !database.startsWith("file:") || clean(env.STORAGE_URL) !== undefined;
}

/**
 * What the supervisor (server/supervisor.mjs) tells each worker process it
 * forks; not settings: npm start sets them, nobody else.
 * @param {Env} [env]
 */
export function workerRole(env = process.env) {
  return {
    /** This process is a serving worker forked by the supervisor. */
    servingChild: env.CANCELCASE_SERVING_CHILD === "1",
    /** The worker's index, or null outside the cluster. */
    index: clean(env.CANCELCASE_WORKER) ?? null,
    /** Whether to sweep files a crash left behind at start ("0" only for the leader's restarts and the followers). */
    sweep: env.CANCELCASE_SWEEP !== "0",
    /** Whether this process runs the reminder scheduler. */
    scheduler: env.CANCELCASE_SCHEDULER !== "0",
  };
}

/**
 * The worker pool's entry, when the unit tests bundle their own (else the
 * build's, lib/config/index.ts); a test hook, not a setting.
 * @param {Env} [env]
 */
export function hostileWorkerFileOverride(env = process.env) {
  return clean(env.HOSTILE_WORKER_FILE) ?? null;
}
