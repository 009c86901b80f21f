// @ts-check
// The per-user quotas, and the receipt sweep's grace: constants beside the
// settings table (./settings.mjs), read through the same parser, with a
// test-only override.
import { clean, positiveInt } from "./settings.mjs";

/** @typedef {import("./settings.mjs").Env} Env */

/**
 * Per-user limits that no real person reaches but that bound what one account
 * can make the server read, render or export (422 `limit_reached` past one).
 * Constants, not settings: no operator needs to change them. Tests and the
 * benchmarks lower or raise them through CANCELCASE_TEST_<NAME>, or (under
 * NODE_ENV=test only) through <NAME> itself.
 */
export const QUOTAS = {
  TRANSACTIONS_PER_USER_MAX: 200_000,
  PUSH_SUBSCRIPTIONS_PER_USER_MAX: 20,
  SUBSCRIPTIONS_PER_USER_MAX: 5000,
  CASES_PER_USER_MAX: 10_000,
  NOTES_PER_CASE_MAX: 2000,
  /** A case's history: every transition writes one or more events. */
  EVENTS_PER_CASE_MAX: 1000,
  RECEIPTS_PER_CASE_MAX: 500,
  /** The lines a deleted note or receipt leaves in a case's record. */
  CASE_CHANGES_PER_CASE_MAX: 1000,
  /** "This is out of date" notes one account keeps on the playbooks. */
  PLAYBOOK_CORRECTIONS_PER_USER_MAX: 500,
};

/**
 * @param {keyof typeof QUOTAS} name
 * @param {Env} [env]
 */
export function quota(name, env = process.env) {
  const override =
    clean(env[`CANCELCASE_TEST_${name}`]) ??
    (env.NODE_ENV === "test" ? clean(env[name]) : undefined);
  return positiveInt(name, QUOTAS[name])(override);
}

/**
 * How old a stored receipt file without a row must be before the start-up
 * sweep takes it: another instance on the same disk or bucket may be between
 * committing a file and writing its row, or still receiving an upload. Not a
 * setting; the crash tests, which restart at once, set
 * CANCELCASE_TEST_SWEEP_GRACE_SECONDS (0: everything without a row goes).
 */
export const SWEEP_GRACE_SECONDS = 60 * 60;

/** @param {Env} [env] */
export function sweepGraceSeconds(env = process.env) {
  const name = "CANCELCASE_TEST_SWEEP_GRACE_SECONDS";
  const raw = clean(env[name]);
  return raw === "0" ? 0 : positiveInt(name, SWEEP_GRACE_SECONDS)(raw);
}
