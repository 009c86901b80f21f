import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { CHANNEL_KEYS } from "@/components/settings/channel-requests";
import { PASSKEY_KEYS } from "@/components/settings/passkey-requests";
import { outcomeOf, type OutcomeKeys } from "@/components/settings/settings-requests";

const answer = (status: number, error?: unknown) =>
  new Response(error === undefined ? "" : JSON.stringify({ error }), { status });

function lookup(catalog: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog);
}

describe("Settings' answers as message keys (channels, passkeys)", () => {
  it("reads the limit, a known code, a field's code, and anything else", async () => {
    expect(await outcomeOf(answer(201), PASSKEY_KEYS)).toEqual({ ok: true });
    expect(
      await outcomeOf(answer(409, { code: "limit_reached", limit: 10 }), PASSKEY_KEYS),
    ).toEqual({
      ok: false,
      key: "passkeys.limitReached",
      values: { limit: 10 },
    });
    // The server's 503 `busy` (too many challenges at once) is said as such, not as a failure.
    expect(await outcomeOf(answer(503, { code: "busy" }), PASSKEY_KEYS)).toEqual({
      ok: false,
      key: "passkeys.addBusy",
    });
    expect(
      await outcomeOf(
        answer(422, { code: "validation_failed", fieldCodes: { name: ["name_too_long"] } }),
        PASSKEY_KEYS,
      ),
    ).toEqual({ ok: false, key: "errors.name_too_long" });
    expect(await outcomeOf(answer(500), CHANNEL_KEYS)).toEqual({
      ok: false,
      key: "channels.failed",
    });
    expect(await outcomeOf(new Response("not json", { status: 502 }), CHANNEL_KEYS)).toEqual({
      ok: false,
      key: "channels.failed",
    });
  });

  it("has every key it can answer with in both languages", () => {
    const all = (keys: OutcomeKeys) => [
      keys.limitReached,
      keys.failed,
      ...Object.values(keys.codes),
    ];
    for (const key of [...all(PASSKEY_KEYS), ...all(CHANNEL_KEYS)]) {
      expect(lookup(en, key), `en ${key}`).toEqual(expect.any(String));
      expect(lookup(zh, key), `zh-CN ${key}`).toEqual(expect.any(String));
    }
  });
});
