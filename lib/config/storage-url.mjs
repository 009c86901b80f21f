// @ts-check
// STORAGE_URL, parsed for lib/config/settings.mjs (its own module to keep that
// table short): where receipts live when they are not on the local disk.
// Plain JavaScript for the same reason as the table: backup and restore read
// it under plain node.

/**
 * @param {string} raw
 * @param {string} what
 */
function refuse(raw, what) {
  return new Error(`STORAGE_URL must be ${what}, got "${raw}"`);
}

/**
 * forcePathStyle: true or false, nothing else (a typo must not mean false).
 * @param {string} raw
 * @param {string | null} value
 */
function yesOrNo(raw, value) {
  if (value === null || value === "") return false;
  if (["1", "true", "yes", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
  throw refuse(raw, "an s3:// URL whose forcePathStyle is true or false");
}

/**
 * @typedef {object} S3Location where receipts live in an S3-compatible bucket
 * @property {string} bucket
 * @property {string} prefix  "" or ending in "/": prepended to every key
 * @property {string | null} endpoint  an S3-compatible server's URL; null: AWS itself
 * @property {string | null} region  null: us-east-1 with an endpoint, else the SDK's own (AWS_REGION)
 * @property {boolean} forcePathStyle  bucket in the path, for stores without a host name per bucket
 */

/**
 * STORAGE_URL: `s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=true`.
 * Credentials never go in it: the SDK reads the standard AWS variables.
 * @param {string | undefined} raw
 * @returns {S3Location | null}
 */
export function storageLocation(raw) {
  if (raw === undefined) return null;
  const what = "an s3://bucket/prefix URL (?endpoint=, ?region=, ?forcePathStyle=)";
  /** @type {URL} */
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(raw, what);
  }
  if (url.protocol !== "s3:" || !url.hostname || url.username || url.password) {
    throw refuse(raw, `${what}, with the credentials in AWS_* variables`);
  }
  for (const key of url.searchParams.keys()) {
    if (!["endpoint", "region", "forcePathStyle"].includes(key)) {
      throw refuse(raw, `${what}; "${key}" is not one of them`);
    }
  }
  const endpoint = url.searchParams.get("endpoint") || null;
  if (endpoint !== null && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw refuse(raw, `${what}; endpoint must be an http(s) URL`);
  }
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "");
  return {
    bucket: url.hostname,
    prefix: prefix ? `${prefix}/` : "",
    endpoint,
    region: url.searchParams.get("region") || null,
    forcePathStyle: yesOrNo(raw, url.searchParams.get("forcePathStyle")),
  };
}
