// @ts-check
// The parsers of the settings table (./settings.mjs): a value that makes no
// sense is refused with an Error naming the setting, never guessed at.

/**
 * @param {string} name
 * @param {string} raw
 * @param {string} what
 */
export function refuse(name, raw, what) {
  return new Error(`${name} must be ${what}, got "${raw}"`);
}

/**
 * A whole number from 1 to max.
 * @param {string} name
 * @param {number} fallback
 * @param {number} [max]
 * @returns {(raw: string | undefined) => number}
 */
export function positiveInt(name, fallback, max = Number.MAX_SAFE_INTEGER) {
  return (raw) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
      throw refuse(
        name,
        raw,
        max === Number.MAX_SAFE_INTEGER
          ? "a positive whole number"
          : `a whole number from 1 to ${max}`,
      );
    }
    return value;
  };
}

/**
 * @param {string} name
 * @param {boolean} fallback
 * @returns {(raw: string | undefined) => boolean}
 */
export function flag(name, fallback) {
  return (raw) => {
    const value = raw?.toLowerCase();
    if (!value) return fallback;
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    throw refuse(name, raw ?? "", "true or false");
  };
}

/**
 * A comma-separated list, each item checked by `check`.
 * @param {(item: string) => string} check
 * @returns {(raw: string | undefined) => string[]}
 */
export function list(check) {
  return (raw) =>
    (raw ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean)
      .map(check);
}
