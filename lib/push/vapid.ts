import "server-only";
import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { baseUrl, dataDir, mailFrom, vapidKeysSetting } from "@/lib/config";

// The server's VAPID key pair (RFC 8292), made once and kept in DATA_DIR:
// a new pair would orphan every browser's push subscription. Two workers
// starting at once both try to create it; the first write wins (wx) and the
// other reads it. Several instances each have a DATA_DIR of their own, so
// there the pair comes from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY (npm start
// refuses to start scaled out without them, server/prepare-data.mjs).
export type VapidKeys = { publicKey: string; privateKey: string };

const cache = globalThis as unknown as { cancelCaseVapid?: { file: string; keys: VapidKeys } };

function readKeys(file: string): VapidKeys {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<VapidKeys>;
  if (typeof parsed.publicKey !== "string" || typeof parsed.privateKey !== "string") {
    throw new Error(`${file} is not a VAPID key pair; delete it to make a new one`);
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

export function vapidKeys(): VapidKeys {
  const given = vapidKeysSetting();
  if (given) return given;
  const file = path.join(dataDir(), "vapid.json");
  if (cache.cancelCaseVapid?.file === file) return cache.cancelCaseVapid.keys;
  let keys: VapidKeys;
  try {
    keys = readKeys(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const fresh = webpush.generateVAPIDKeys();
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(fresh), { flag: "wx", mode: 0o600 });
      keys = fresh;
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      keys = readKeys(file);
    }
  }
  cache.cancelCaseVapid = { file, keys };
  return keys;
}

/** Who push services contact about this server: its https origin, else the mail sender. */
export function vapidSubject(): string {
  const origin = baseUrl();
  if (origin.startsWith("https://")) return origin;
  const address = /<([^>]+)>/.exec(mailFrom())?.[1] ?? mailFrom();
  return `mailto:${address.trim()}`;
}
