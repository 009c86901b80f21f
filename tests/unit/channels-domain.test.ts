import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import {
  CHANNEL_ERROR_MAX,
  CHANNEL_KINDS,
  SECRET_MASK,
  channelErrorKey,
  maskTarget,
  shortError,
} from "@/lib/domain/channels";
import { channelRoute, routeChannel } from "@/lib/domain/reminders";

// Decision 026: a target that is itself a credential is shown masked, and a
// channel's last error stays a short status line.

describe("maskTarget", () => {
  it("keeps a URL up to its last path segment, the token", () => {
    expect(maskTarget("https://discord.com/api/webhooks/123/SECRETTOKEN")).toBe(
      `https://discord.com/api/webhooks/123/${SECRET_MASK}`,
    );
    expect(maskTarget("https://hooks.slack.com/services/T1/B2/SECRET/")).toBe(
      `https://hooks.slack.com/services/T1/B2/${SECRET_MASK}`,
    );
  });

  it("keeps four characters of a key", () => {
    expect(maskTarget("SCT12345abcdef")).toBe(`SCT1${SECRET_MASK}`);
    expect(maskTarget("be8652e98bd04139")).not.toContain("e98bd");
  });
});

describe("shortError", () => {
  it("flattens and cuts a long text", () => {
    const long = `answered\n${"x".repeat(500)}`;
    const short = shortError(long);
    expect(short.length).toBe(CHANNEL_ERROR_MAX);
    expect(short).not.toContain("\n");
    expect(short.endsWith("…")).toBe(true);
    expect(shortError("answered 500")).toBe("answered 500");
  });
});

describe("reminder routes", () => {
  it("name a channel by kind and id, and read back; email, push and junk are no channel", () => {
    for (const kind of CHANNEL_KINDS) {
      expect(routeChannel(channelRoute({ kind, id: "cm4x9" }))).toEqual({ kind, id: "cm4x9" });
    }
    expect(routeChannel("email")).toBeNull();
    expect(routeChannel("push")).toBeNull();
    expect(routeChannel("fax:cm4x9")).toBeNull();
    expect(routeChannel("ntfy:")).toBeNull();
    expect(routeChannel(":cm4x9")).toBeNull();
  });
});

describe("channelErrorKey", () => {
  // Every text a sender or the guard writes (lib/channels), and its key.
  const cases: [string, string, Record<string, string>][] = [
    ["answered 503", "status", { status: "503" }],
    ["answered 302, a redirect, which is not followed", "redirect", { status: "302" }],
    ["could not connect (ECONNRESET)", "connectCode", { code: "ECONNRESET" }],
    ["could not connect (ECONNREFUSED)", "connectRefused", { code: "ECONNREFUSED" }],
    ["could not connect (ENOTFOUND)", "hostNotFound", { code: "ENOTFOUND" }],
    ["could not connect (EAI_AGAIN)", "hostNotFound", { code: "EAI_AGAIN" }],
    ["could not connect", "connect", {}],
    ["target_not_allowed: address_not_allowed", "refused_address_not_allowed", {}],
    ["target_not_allowed: scheme_not_allowed", "refused_scheme_not_allowed", {}],
    ["target_not_allowed: url_invalid", "refused_url_invalid", {}],
    ["ServerChan answered code 40001", "serviceCode", { service: "ServerChan", code: "40001" }],
    ["PushPlus answered code none", "serviceCode", { service: "PushPlus", code: "none" }],
    ["Telegram did not confirm", "notConfirmed", {}],
    ["the bot token cannot be read", "secret", {}],
    ["secret unreadable: save it again", "secret", {}],
    ["no answer within 10 s", "timeout", { seconds: "10" }],
    ["answer too large", "tooLarge", {}],
    ["send failed", "failed", {}],
  ];

  it("reads each sender's text, and every key is said in both languages", () => {
    const catalogs = [en.channels.errors, zh.channels.errors] as Record<string, string>[];
    for (const [text, key, values] of cases) {
      expect(channelErrorKey(text), text).toEqual({ key, values });
      for (const catalog of catalogs) expect(catalog[key], key).toBeTruthy();
    }
  });

  it("leaves anything else as it is", () => {
    expect(channelErrorKey("something new")).toBeNull();
    expect(channelErrorKey("target_not_allowed: timeout")).toBeNull();
  });
});
