import type { lookup as dnsLookup } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/data/users";
import { deleteChannel, enabledChannelsOf, getChannel, listChannels } from "@/lib/data/channels";
import { CHANNELS_PER_USER, SECRET_MASK } from "@/lib/domain/channels";
import {
  addChannel,
  CHANNEL_TESTS_PER_HOUR,
  editChannel,
  testChannel,
} from "@/lib/services/channels";
import { startChannelServer, type ChannelServer } from "../support/channel-server";
import { readChannelRowForTests } from "../support/db-inspect";
import { newUser as newAccount } from "../support/fixtures";

// Issue 36, point 1: channels are the user's own, their secrets sealed at
// rest and never answered back, a target the guard refuses is 422
// target_not_allowed when saved and when tested, and a test send records
// the last status and a short error.

let server: ChannelServer;
const resolvesTo = (address: string): typeof dnsLookup =>
  ((_host: string, _opts: unknown, callback: (...args: unknown[]) => void) =>
    callback(null, [{ address, family: 4 }])) as unknown as typeof dnsLookup;
const publicDns = { allowedHosts: [] as string[], lookup: resolvesTo("93.184.216.34") };

beforeAll(async () => {
  process.env.BASE_URL = "http://localhost:3000";
  server = await startChannelServer();
});
afterAll(() => server.close());

const TOKEN = "AiVCm1e5mqTnQuc-secret";

/** A fresh account as the API sees it (the session user). */
async function newUser(locale: "en" | "zh-CN" = "en"): Promise<SessionUser> {
  const { id, email } = await newAccount();
  return { id, email, name: "", locale, timeZone: "UTC", sessionVersion: 0, dataVersion: 0 };
}

describe("storing a channel", () => {
  it("seals the secret, masks it in every answer, and lists only the owner's", async () => {
    const user = await newUser();
    const other = await newUser();
    const added = await addChannel(
      user,
      { kind: "gotify", name: "Home", target: "https://gotify.example.com", secret: TOKEN },
      publicDns,
    );
    expect(added).toMatchObject({
      kind: "gotify",
      name: "Home",
      target: "https://gotify.example.com",
      secret: SECRET_MASK,
      enabled: true,
      lastStatus: null,
    });
    expect(JSON.stringify(await listChannels(user))).not.toContain(TOKEN);
    const row = await readChannelRowForTests(added.id);
    expect(row.secretSealed).not.toContain(TOKEN);
    expect(await listChannels(other)).toEqual([]);
    await expect(getChannel(other, added.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteChannel(other, added.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(editChannel(other, added.id, { name: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("keeps a credential-bearing target only masked", async () => {
    const user = await newUser();
    const url = "https://discord.com/api/webhooks/123456789/abcdefghijklmnopXYZ_-123";
    const added = await addChannel(user, { kind: "discord", name: "D", target: url }, publicDns);
    expect(added.target).toBe(`https://discord.com/api/webhooks/123456789/${SECRET_MASK}`);
    expect(added.secret).toBeNull();
    const row = await readChannelRowForTests(added.id);
    expect(JSON.stringify(row)).not.toContain("abcdefghijklmnop");
    const [sendable] = await enabledChannelsOf(user.id);
    expect(sendable!.target).toBe(url);
  });

  it("checks each kind's shape", async () => {
    const user = await newUser();
    await expect(
      addChannel(user, { kind: "telegram", name: "T", target: "not a chat", secret: "x" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { target: ["channel_target_invalid"], secret: ["channel_secret_invalid"] },
    });
    await expect(
      addChannel(user, { kind: "webhook", name: "W", target: "https://example.com/h" }),
    ).rejects.toMatchObject({ fields: { secret: ["channel_secret_required"] } });
    await expect(addChannel(user, { kind: "pager", name: "P", target: "x" })).rejects.toMatchObject(
      { fields: { kind: ["channel_kind_invalid"] } },
    );
  });

  it(`stops at ${CHANNELS_PER_USER} channels a user`, async () => {
    const user = await newUser();
    for (let i = 0; i < CHANNELS_PER_USER; i += 1) {
      await addChannel(user, { kind: "serverchan", name: `S${i}`, target: `SCT0000${i}abcd` });
    }
    await expect(
      addChannel(user, { kind: "serverchan", name: "one more", target: "SCT99999abcd" }),
    ).rejects.toMatchObject({ code: "limit_reached" });
  });
});

describe("a target the guard refuses", () => {
  it.each([
    ["loopback", "https://127.0.0.1/hook", publicDns],
    ["a private address", "https://10.0.0.5/hook", publicDns],
    ["plain http", "http://hooks.example.com/hook", publicDns],
    [
      "a name resolving to a private address",
      "https://hooks.example.com/h",
      {
        allowedHosts: [] as string[],
        lookup: resolvesTo("192.168.0.10"),
      },
    ],
    ["userinfo", "https://user@hooks.example.com/h", publicDns],
  ])("is 422 target_not_allowed: %s", async (_label, target, options) => {
    const user = await newUser();
    await expect(
      addChannel(user, { kind: "webhook", name: "W", target, secret: "s".repeat(24) }, options),
    ).rejects.toMatchObject({ code: "target_not_allowed", status: 422 });
  });

  it("is let through when OUTBOUND_ALLOWED_HOSTS lists it", async () => {
    const user = await newUser();
    const added = await addChannel(
      user,
      { kind: "ntfy", name: "LAN", target: `${server.base}/alerts` },
      { allowedHosts: [server.host] },
    );
    expect(added.target).toBe(`${server.base}/alerts`);
  });
});

describe("the test send", () => {
  it("is sent at once and records sent, or failed with a short error", async () => {
    const user = await newUser();
    const options = { allowedHosts: [server.host] };
    const channel = await addChannel(
      user,
      { kind: "gotify", name: "G", target: server.base, secret: TOKEN },
      options,
    );
    server.answer({ status: 200, body: "{}" });
    const sent = await testChannel(user, channel.id, options);
    expect(sent).toMatchObject({ lastStatus: "sent", lastError: null });
    expect(sent.lastSentAt).toBeInstanceOf(Date);
    const seen = server.seen.at(-1)!;
    expect(seen.headers["x-gotify-key"]).toBe(TOKEN);
    expect(JSON.parse(seen.body).title).toBe("CancelCase test message");

    server.answer({ status: 500, body: `{"error":"${TOKEN}"}` });
    const failed = await testChannel(user, channel.id, options);
    expect(failed).toMatchObject({ lastStatus: "failed", lastError: "answered 500" });
  });

  it("is counted before it is sent: the 21st in an hour is 429 and reaches nobody", async () => {
    const user = await newUser();
    const options = { allowedHosts: [server.host] };
    const channel = await addChannel(
      user,
      { kind: "apprise", name: "A", target: `${server.base}/notify/cc` },
      options,
    );
    server.answer({ status: 200, body: "{}" });
    for (let i = 0; i < CHANNEL_TESTS_PER_HOUR; i++) await testChannel(user, channel.id, options);
    const reached = server.seen.length;
    await expect(testChannel(user, channel.id, options)).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(server.seen.length).toBe(reached);
    // Another user's sends are their own.
    const other = await newUser();
    const theirs = await addChannel(
      other,
      { kind: "apprise", name: "A", target: `${server.base}/notify/cc` },
      options,
    );
    await expect(testChannel(other, theirs.id, options)).resolves.toMatchObject({
      lastStatus: "sent",
    });
  });

  it("speaks the user's language", async () => {
    const user = await newUser("zh-CN");
    const options = { allowedHosts: [server.host] };
    const channel = await addChannel(
      user,
      { kind: "apprise", name: "A", target: `${server.base}/notify/cc` },
      options,
    );
    server.answer({ status: 200, body: "{}" });
    await testChannel(user, channel.id, options);
    expect(JSON.parse(server.seen.at(-1)!.body).title).toBe("CancelCase 测试消息");
  });

  it("is 422 target_not_allowed when the guard refuses at send time, and says so in lastError", async () => {
    const user = await newUser();
    const channel = await addChannel(
      user,
      { kind: "apprise", name: "A", target: `${server.base}/notify/cc` },
      { allowedHosts: [server.host] },
    );
    // The operator has since taken the host off the allow-list.
    await expect(testChannel(user, channel.id, { allowedHosts: [] })).rejects.toMatchObject({
      code: "target_not_allowed",
    });
    expect(await getChannel(user, channel.id)).toMatchObject({
      lastStatus: "failed",
      lastError: "target_not_allowed: scheme_not_allowed",
    });
  });
});

describe("changing a channel", () => {
  it("keeps the secret when it is left out, and a new target clears the last status", async () => {
    const user = await newUser();
    const options = { allowedHosts: [server.host] };
    const channel = await addChannel(
      user,
      { kind: "gotify", name: "G", target: server.base, secret: TOKEN },
      options,
    );
    server.answer({ status: 200, body: "{}" });
    await testChannel(user, channel.id, options);
    const sealed = async () => (await readChannelRowForTests(channel.id)).secretSealed;
    const before = await sealed();
    const renamed = await editChannel(user, channel.id, { name: "Gotify at home", enabled: false });
    expect(renamed).toMatchObject({ name: "Gotify at home", enabled: false, lastStatus: "sent" });
    expect(await sealed()).toBe(before);
    const moved = await editChannel(user, channel.id, { target: `${server.base}/g` }, options);
    expect(moved).toMatchObject({
      target: `${server.base}/g`,
      secret: SECRET_MASK,
      lastStatus: null,
    });
    await expect(
      editChannel(user, channel.id, { target: "https://10.9.9.9" }, options),
    ).rejects.toMatchObject({ code: "target_not_allowed" });
  });
});
