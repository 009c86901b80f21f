import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scaledOut } from "@/lib/config/settings.mjs";
import { missingSharedSecrets, vapidKeysFromEnv } from "@/lib/config/shared-secrets.mjs";

// Issue 32: several instances each have a DATA_DIR of their own, so the
// secrets one server generates there must come from the environment instead.

// A key pair made once with web-push's generateVAPIDKeys (public: 65 bytes, private: 32).
const VAPID = {
  VAPID_PUBLIC_KEY:
    "BKWFaulIE5rb6ecNH9ei5fFSMoDHlG9N5CXwfXIOcTKBcAWzu0btkjwB92YJ07yI_T9br0Eq0k7MrrCUTFOrjx4",
  VAPID_PRIVATE_KEY: "Yzfz_67PWkce8rw3xA60124Tfwznb6djaFgQ2iS564A",
};
const ALL = { NEXTAUTH_SECRET: "x".repeat(48), ...VAPID };

describe("scaled out, the shared secrets come from the environment", () => {
  it("knows a set-up of several instances by its database or its storage", () => {
    expect(scaledOut({})).toBe(false);
    expect(scaledOut({ DATABASE_URL: "file:/srv/cancelcase.db" })).toBe(false);
    expect(scaledOut({ DATABASE_URL: "postgres://db/cancelcase" })).toBe(true);
    expect(scaledOut({ DATABASE_URL: "postgresql://db/cancelcase" })).toBe(true);
    expect(scaledOut({ STORAGE_URL: "s3://bucket/receipts" })).toBe(true);
    expect(scaledOut({ STORAGE_URL: "  " })).toBe(false);
  });

  it("requires NEXTAUTH_SECRET and the VAPID pair only then", () => {
    expect(missingSharedSecrets({})).toEqual([]);
    expect(missingSharedSecrets({ STORAGE_URL: "s3://bucket" })).toEqual([
      "NEXTAUTH_SECRET",
      "VAPID_PUBLIC_KEY",
      "VAPID_PRIVATE_KEY",
    ]);
    expect(
      missingSharedSecrets({ DATABASE_URL: "postgres://db/x", NEXTAUTH_SECRET: "s".repeat(48) }),
    ).toEqual(["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"]);
    expect(missingSharedSecrets({ DATABASE_URL: "postgres://db/x", ...ALL })).toEqual([]);
  });

  it("takes the VAPID pair together, and refuses a key of the wrong size", () => {
    expect(vapidKeysFromEnv({})).toBeNull();
    expect(vapidKeysFromEnv(VAPID)).toEqual({
      publicKey: VAPID.VAPID_PUBLIC_KEY,
      privateKey: VAPID.VAPID_PRIVATE_KEY,
    });
    expect(() => vapidKeysFromEnv({ VAPID_PUBLIC_KEY: VAPID.VAPID_PUBLIC_KEY })).toThrow(
      /set together/,
    );
    expect(() => vapidKeysFromEnv({ ...VAPID, VAPID_PRIVATE_KEY: "c2hvcnQ" })).toThrow(
      /VAPID_PRIVATE_KEY must be a base64url key of 32 bytes/,
    );
  });

  it("npm start stops at once with a message naming what to set", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-scaled-"));
    try {
      const run = spawnSync(process.execPath, ["server/start.mjs"], {
        env: {
          NODE_ENV: "production",
          PATH: process.env.PATH,
          DATA_DIR: dataDir,
          STORAGE_URL: "s3://bucket/receipts",
          NEXTAUTH_SECRET: "s".repeat(48),
        },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY to the same values/);
      expect(run.stderr).toContain("Scaling out");
      // Nothing was generated or migrated: it stopped before touching DATA_DIR.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
