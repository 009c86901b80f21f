import { createHmac, timingSafeEqual } from "node:crypto";
import type { lookup as dnsLookup } from "node:dns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendOnChannel, sendOnChannels } from "@/lib/channels/send";
import { serverchanUrl } from "@/lib/channels/serverchan";
import type { ChannelMessage, ChannelSendOptions, SendableChannel } from "@/lib/channels/types";
import { startChannelServer, type ChannelServer } from "../support/channel-server";

// Issue 36: every channel kind against a local server speaking its protocol,
// checked for the method, path, body and authentication each service
// documents (the senders cite the pages); the webhook's signature verified
// here with node:crypto; refused targets; one failure never stops the next.

let server: ChannelServer;
let options: ChannelSendOptions;

beforeAll(async () => {
  server = await startChannelServer();
  // The loopback server is let through the guard as OUTBOUND_ALLOWED_HOSTS would.
  options = {
    allowedHosts: [server.host],
    bases: { telegram: server.base, serverchan: server.base, pushplus: server.base },
  };
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.answer({ status: 200, body: "{}" });
});

const message: ChannelMessage = {
  event: "reminder",
  id: "n1",
  kind: "renewal",
  title: "Netflix renews in 7 days",
  body: "Netflix renews on 2026-12-13 for $15.49.",
  url: "http://localhost:3000/subscriptions/s1",
  locale: "en",
  sentAt: new Date("2026-12-06T08:00:00.000Z"),
  subscriptionId: "s1",
  dueOn: "2026-12-13",
};

function channel(kind: SendableChannel["kind"], target: string, secret: string | null = null) {
  return { id: `c-${kind}`, kind, target, secret } satisfies SendableChannel;
}

async function send(c: SendableChannel, m: ChannelMessage = message, o = options) {
  return sendOnChannel(c, m, o);
}

describe("the webhook", () => {
  it("POSTs the contract's JSON with an HMAC-SHA256 signature the receiver can verify", async () => {
    const secret = "a-long-shared-secret-1234";
    const outcome = await send(channel("webhook", `${server.base}/hooks/cc`, secret));
    expect(outcome).toEqual({ ok: true });
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/hooks/cc");
    expect(seen!.headers["content-type"]).toMatch(/^application\/json/);
    expect(seen!.headers["x-cancelcase-event"]).toBe("reminder");
    const signature = String(seen!.headers["x-cancelcase-signature"]);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const expected = createHmac("sha256", secret).update(seen!.body, "utf8").digest();
    expect(timingSafeEqual(Buffer.from(signature.slice(7), "hex"), expected)).toBe(true);
    expect(JSON.parse(seen!.body)).toEqual({
      event: "reminder",
      id: "n1",
      kind: "renewal",
      title: message.title,
      body: message.body,
      url: message.url,
      locale: "en",
      sentAt: "2026-12-06T08:00:00.000Z",
      subscriptionId: "s1",
      dueOn: "2026-12-13",
    });
  });

  it("does not verify under another secret", async () => {
    await send(channel("webhook", `${server.base}/h`, "the-right-secret-0000"));
    const [seen] = server.seen;
    const forged = createHmac("sha256", "another-secret-00000").update(seen!.body).digest("hex");
    expect(seen!.headers["x-cancelcase-signature"]).not.toBe(`sha256=${forged}`);
  });
});

describe("ntfy", () => {
  it("POSTs the text to the topic, the title in Title, the token as Bearer", async () => {
    await send(channel("ntfy", `${server.base}/cancelcase-a7f3`, "tk_AgQdq7mVBoFD37zQVN29Rh"));
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/cancelcase-a7f3");
    expect(seen!.headers.title).toBe(message.title);
    expect(seen!.headers.authorization).toBe("Bearer tk_AgQdq7mVBoFD37zQVN29Rh");
    expect(seen!.body).toBe(`${message.body}\n\n${message.url}`);
  });

  it("sends no Authorization without a token, and a Chinese title in the body", async () => {
    await send(channel("ntfy", `${server.base}/t`), { ...message, title: "网飞 7 天后续费" });
    const [seen] = server.seen;
    expect(seen!.headers.authorization).toBeUndefined();
    expect(seen!.headers.title).toBeUndefined();
    expect(seen!.body.startsWith("网飞 7 天后续费\n")).toBe(true);
  });
});

describe("Gotify", () => {
  it("POSTs /message with the application token in X-Gotify-Key", async () => {
    await send(channel("gotify", `${server.base}/gotify/`, "AiVCm1e5mqTnQuc"));
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/gotify/message");
    expect(seen!.headers["x-gotify-key"]).toBe("AiVCm1e5mqTnQuc");
    expect(JSON.parse(seen!.body)).toEqual({
      title: message.title,
      message: `${message.body}\n\n${message.url}`,
      priority: 5,
    });
  });
});

describe("Telegram", () => {
  const token = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K";

  it("POSTs sendMessage to /bot<token>/ with chat_id and text", async () => {
    server.answer({ status: 200, body: JSON.stringify({ ok: true, result: {} }) });
    expect(await send(channel("telegram", "-1001234567890", token))).toEqual({ ok: true });
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe(`/bot${token}/sendMessage`);
    expect(JSON.parse(seen!.body)).toEqual({
      chat_id: "-1001234567890",
      text: `${message.title}\n\n${message.body}\n\n${message.url}`,
    });
  });

  it("fails when Telegram does not say ok, and the error never holds the token", async () => {
    server.answer({ status: 401, body: JSON.stringify({ ok: false, description: token }) });
    const refused = await send(channel("telegram", "42", token));
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toContain(token.split(":")[1]);
    server.answer({ status: 200, body: JSON.stringify({ ok: false }) });
    expect((await send(channel("telegram", "42", token))).ok).toBe(false);
  });
});

describe("Discord and Slack", () => {
  it("Discord: POSTs the webhook URL with content and no mentions", async () => {
    server.answer({ status: 204 });
    await send(channel("discord", `${server.base}/api/webhooks/1234567890/tok-en_x`));
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/api/webhooks/1234567890/tok-en_x");
    const body = JSON.parse(seen!.body);
    expect(body.content).toBe(`**${message.title}**\n${message.body}\n\n${message.url}`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("Slack: POSTs the webhook URL with text", async () => {
    server.answer({ status: 200, body: "ok" });
    await send(channel("slack", `${server.base}/services/T000/B000/XXXX`));
    const [seen] = server.seen;
    expect(seen!.path).toBe("/services/T000/B000/XXXX");
    expect(seen!.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(seen!.body)).toEqual({
      text: `*${message.title}*\n${message.body}\n\n${message.url}`,
    });
  });
});

describe("Apprise API", () => {
  it("POSTs /notify/{KEY} with body, title and type", async () => {
    await send(channel("apprise", `${server.base}/notify/cancelcase`));
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/notify/cancelcase");
    expect(JSON.parse(seen!.body)).toEqual({
      title: message.title,
      body: `${message.body}\n\n${message.url}`,
      type: "info",
      format: "text",
    });
  });
});

describe("ServerChan and PushPlus (WeChat)", () => {
  it("ServerChan: POSTs title and desp as a form to /<SendKey>.send; code 0 is success", async () => {
    server.answer({ status: 200, body: JSON.stringify({ code: 0, message: "" }) });
    expect(await send(channel("serverchan", "SCT12345abcdef"))).toEqual({ ok: true });
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/SCT12345abcdef.send");
    expect(seen!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(seen!.body);
    expect(form.get("title")).toBe(message.title);
    expect(form.get("desp")).toBe(`${message.body}\n\n${message.url}`);
    server.answer({ status: 200, body: JSON.stringify({ code: 40001, message: "bad key" }) });
    expect(await send(channel("serverchan", "SCT12345abcdef"))).toMatchObject({ ok: false });
  });

  it("ServerChan: a Server酱³ key goes to its own host", () => {
    expect(serverchanUrl("sctp123tABCDEF")).toBe(
      "https://123.push.ft07.com/send/sctp123tABCDEF.send",
    );
    expect(serverchanUrl("SCT9xyz")).toBe("https://sctapi.ftqq.com/SCT9xyz.send");
  });

  it("PushPlus: POSTs /send with token, title and content; code 200 is success", async () => {
    server.answer({ status: 200, body: JSON.stringify({ code: 200, msg: "请求成功" }) });
    expect(await send(channel("pushplus", "be8652e98bd04139a13e1bffcd6d0f71"))).toEqual({
      ok: true,
    });
    const [seen] = server.seen;
    expect(seen!.path).toBe("/send");
    expect(JSON.parse(seen!.body)).toEqual({
      token: "be8652e98bd04139a13e1bffcd6d0f71",
      title: message.title,
      content: `${message.body}\n\n${message.url}`,
      template: "txt",
    });
    server.answer({ status: 200, body: JSON.stringify({ code: 999 }) });
    expect((await send(channel("pushplus", "be8652e98bd04139a13e1bffcd6d0f71"))).ok).toBe(false);
  });
});

describe("Bark", () => {
  it("POSTs /push with device_key, title, body and url", async () => {
    server.answer({ status: 200, body: JSON.stringify({ code: 200 }) });
    await send(channel("bark", server.base, "yourDeviceKey1"));
    const [seen] = server.seen;
    expect(seen!.method).toBe("POST");
    expect(seen!.path).toBe("/push");
    expect(JSON.parse(seen!.body)).toEqual({
      title: message.title,
      body: message.body,
      device_key: "yourDeviceKey1",
      url: message.url,
    });
  });
});

describe("refused targets", () => {
  const noAllowList = { ...options, allowedHosts: [] as string[] };
  const resolvesTo = (address: string): typeof dnsLookup =>
    ((_host: string, _opts: unknown, callback: (...args: unknown[]) => void) =>
      callback(null, [{ address, family: 4 }])) as unknown as typeof dnsLookup;

  it("loopback without the allow-list: nothing is sent", async () => {
    const outcome = await send(channel("webhook", `${server.base}/h`, "s".repeat(20)), message, {
      allowedHosts: [],
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^target_not_allowed/),
    });
    expect(server.seen).toHaveLength(0);
  });

  it("a private address, written or resolved", async () => {
    const literal = await send(channel("gotify", "https://10.0.0.7", "A123"), message, noAllowList);
    expect(literal).toMatchObject({ ok: false, error: "target_not_allowed: address_not_allowed" });
    const named = await send(channel("ntfy", "https://ntfy.example.com/t"), message, {
      allowedHosts: [],
      lookup: resolvesTo("192.168.1.20"),
    });
    expect(named).toMatchObject({ ok: false, error: "target_not_allowed: address_not_allowed" });
    const metadata = await send(channel("slack", "https://hooks.example.com/x"), message, {
      allowedHosts: [],
      lookup: resolvesTo("169.254.169.254"),
    });
    expect(metadata).toMatchObject({ ok: false, error: "target_not_allowed: address_not_allowed" });
  });

  it("plain http without the allow-list", async () => {
    const outcome = await send(channel("apprise", "http://apprise.example.com/notify/k"), message, {
      allowedHosts: [],
      lookup: resolvesTo("93.184.216.34"),
    });
    expect(outcome).toMatchObject({ ok: false, error: "target_not_allowed: scheme_not_allowed" });
  });

  it("a redirect to a private address is not followed", async () => {
    server.answer({
      status: 302,
      headers: { Location: "http://169.254.169.254/latest/meta-data" },
    });
    const outcome = await send(channel("discord", `${server.base}/api/webhooks/1/x`));
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining("redirect") });
    expect(server.seen).toHaveLength(1);
  });
});

describe("one failing channel", () => {
  it("does not stop the next", async () => {
    const broken = { ...channel("webhook", "https://10.1.2.3/h", "s".repeat(20)), id: "broken" };
    const working = { ...channel("apprise", `${server.base}/notify/k`), id: "working" };
    const outcomes = await sendOnChannels([broken, working], message, options);
    expect(outcomes.get("broken")).toMatchObject({ ok: false });
    expect(outcomes.get("working")).toEqual({ ok: true });
    expect(server.seen).toHaveLength(1);
  });
});

describe("an answer the guard cuts off", () => {
  it("is the service failing, not a refused target (no 422 for a test send)", async () => {
    server.answer({ status: 200, body: "x".repeat(64 * 1024) });
    const outcome = await send(channel("ntfy", `${server.base}/big`));
    expect(outcome).toEqual({ ok: false, error: "answer too large", refused: null });
  });
});
