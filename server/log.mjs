// @ts-check
// The server's lines on the console, and how a start that cannot go on ends.
import { setting } from "../lib/config/settings.mjs";
import { fail as failScript } from "../scripts/paths.mjs";

/**
 * Ends the start with the reason.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
  failScript(message);
  return process.exit(1);
}

/** @param {string} message */
export function log(message) {
  console.log(`[cancelcase] ${message}`);
}

/**
 * A setting's value, or the end of the start with the reason when it makes no sense.
 * @template {import("../lib/config/settings.mjs").SettingName} N
 * @param {N} name
 */
export function read(name) {
  try {
    return setting(name);
  } catch (error) {
    return fail(/** @type {Error} */ (error).message);
  }
}
