// @ts-check
// The secrets a single server generates into its DATA_DIR (auth-secret,
// vapid.json) but several instances must share, each having a DATA_DIR of its
// own: a session signed by one must be valid on the next, a push subscription
// made through one must be sendable from the other. Read through
// ./settings.mjs, the only reader of the environment.
import { isSet, scaledOut, setting } from "./settings.mjs";

/** @typedef {Record<string, string | undefined>} Env */

/**
 * Scaled out, the shared secrets the environment lacks (none otherwise).
 * @param {Env} [env]
 * @returns {import("./settings.mjs").SettingName[]}
 */
export function missingSharedSecrets(env) {
  if (!scaledOut(env)) return [];
  /** @type {import("./settings.mjs").SettingName[]} */
  const shared = ["NEXTAUTH_SECRET", "VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"];
  return shared.filter((name) => !isSet(name, env));
}

/**
 * A VAPID key (RFC 8292) as web-push prints it: base64url of `bytes` bytes.
 * @param {string} name
 * @param {string} key
 * @param {number} bytes
 */
function checkKey(name, key, bytes) {
  if (!/^[A-Za-z0-9_-]+$/.test(key) || Buffer.from(key, "base64url").length !== bytes) {
    throw new Error(
      `${name} must be a base64url key of ${bytes} bytes (web-push's generateVAPIDKeys)`,
    );
  }
  return key;
}

/**
 * The Web Push key pair the environment gives, or null (then it is made in
 * DATA_DIR on first use); one key without the other is refused.
 * @param {Env} [env]
 * @returns {{ publicKey: string, privateKey: string } | null}
 */
export function vapidKeysFromEnv(env) {
  const publicKey = setting("VAPID_PUBLIC_KEY", env);
  const privateKey = setting("VAPID_PRIVATE_KEY", env);
  if (publicKey && privateKey) {
    return {
      publicKey: checkKey("VAPID_PUBLIC_KEY", publicKey, 65),
      privateKey: checkKey("VAPID_PRIVATE_KEY", privateKey, 32),
    };
  }
  if (publicKey || privateKey) {
    throw new Error("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together");
  }
  return null;
}
