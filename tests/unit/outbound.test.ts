import http from "node:http";
import type { AddressInfo } from "node:net";
import type { lookup as dnsLookup } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  OutboundRefused,
  checkOutboundUrl,
  guardedFetch,
  isPublicAddress,
} from "@/lib/net/outbound";

// The outbound guard (lib/net/outbound.ts): strict URLs, the address checked
// when the socket connects, exactly the checked URL sent, nothing followed.

const none = { allowedHosts: [] as string[] };

/** A resolver that answers every name with these addresses, and counts its calls. */
function fakeLookup(...addresses: string[]) {
  const calls: string[] = [];
  const lookup = ((hostname: string, _options: unknown, callback: (...a: unknown[]) => void) => {
    calls.push(hostname);
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  }) as unknown as typeof dnsLookup;
  return { lookup, calls };
}

function reason(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof OutboundRefused ? error.reason : `other: ${String(error)}`;
  }
}

describe("checkOutboundUrl", () => {
  it("refuses what url.parse and WHATWG URL read as different hosts", () => {
    for (const url of [
      "https://127.0.0.2;x.notify.windows.com/push/1",
      "https://x.notify.windows.com\\@127.0.0.1/",
      "https://x.notify.windows.com\\.evil.example/",
      "https://evil%2e127.0.0.1.nip.io/",
      "https://x.notify.windows.com%00.evil.example/",
      "https://user:pass@fcm.googleapis.com/fcm/send/x",
      "https://@fcm.googleapis.com/x",
      "https://fcm.googleapis.com /x",
      "https://fcm.googleapis.com\t/x",
      "https://fcm.googleapis.com#@127.0.0.1/",
      "https://ｆｃｍ.googleapis.com/x",
      "https://fcm.googleapis.com./x",
      "https:/fcm.googleapis.com/x",
      "https:\\\\fcm.googleapis.com/x",
      " https://fcm.googleapis.com/x",
    ]) {
      expect(
        reason(() => checkOutboundUrl(url, none)),
        url,
      ).toBe("url_invalid");
    }
  });

  it("refuses numeric and mapped forms of loopback and private addresses", () => {
    for (const url of [
      "https://0x7f000001/",
      "https://2130706433/",
      "https://0177.0.0.1/",
      "https://127.1/",
      "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:7f00:1]/",
    ]) {
      expect(
        reason(() => checkOutboundUrl(url, none)),
        url,
      ).not.toBeNull();
    }
    for (const url of [
      "https://127.0.0.1/",
      "https://10.1.2.3/",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/",
      "https://[fd00::1]/",
      "https://[fe80::1]/",
      "https://100.64.0.1/",
      "https://0.0.0.0/",
    ]) {
      expect(
        reason(() => checkOutboundUrl(url, none)),
        url,
      ).toBe("address_not_allowed");
    }
  });

  it("takes https only, unless the host is allowed", () => {
    expect(reason(() => checkOutboundUrl("http://fcm.googleapis.com/x", none))).toBe(
      "scheme_not_allowed",
    );
    expect(reason(() => checkOutboundUrl("ftp://fcm.googleapis.com/x", none))).toBe("url_invalid");
    const lan = { allowedHosts: ["192.168.1.5", "ntfy.lan:8080"] };
    expect(checkOutboundUrl("http://192.168.1.5/hook", lan).host).toBe("192.168.1.5");
    expect(checkOutboundUrl("http://ntfy.lan:8080/topic", lan).host).toBe("ntfy.lan:8080");
    expect(reason(() => checkOutboundUrl("http://ntfy.lan:8081/topic", lan))).toBe(
      "scheme_not_allowed",
    );
  });

  it("accepts the push services' real endpoints as they are", () => {
    for (const url of [
      "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH-x_y",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk",
      "https://web.push.apple.com/QGx5-abc?x=1",
      "https://wns2-by3p.notify.windows.com/w/?token=BQYAAAB%2b",
    ]) {
      expect(checkOutboundUrl(url, none).href, url).toBe(url);
    }
  });
});

describe("isPublicAddress", () => {
  it("is true only for ordinary unicast addresses", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
    for (const address of [
      "127.0.0.2",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "64:ff9b::7f00:1",
      "2002:7f00:1::",
      "not an address",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});

describe("guardedFetch", () => {
  let server: http.Server;
  let port = 0;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === "/redirect") {
        res.writeHead(302, { Location: "/elsewhere" });
        return res.end();
      }
      if (req.url === "/big") return res.end(Buffer.alloc(64 * 1024, 1));
      if (req.url === "/silent") return; // never answers
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const bounds = { maxBytes: 1024, timeoutMs: 10_000 };

  it("refuses a name that resolves to a private address when the socket connects", async () => {
    for (const address of ["127.0.0.1", "10.0.0.7", "169.254.169.254", "::ffff:127.0.0.1"]) {
      const resolver = fakeLookup(address);
      const before = seen.length;
      await expect(
        guardedFetch(
          `https://push.example.com:${port}/x`,
          { method: "POST" },
          {
            ...bounds,
            ...none,
            lookup: resolver.lookup,
          },
        ),
      ).rejects.toMatchObject({ reason: "address_not_allowed" });
      expect(resolver.calls).toEqual(["push.example.com"]);
      expect(seen.length).toBe(before);
    }
    // One public and one private answer: refused whole.
    await expect(
      guardedFetch(
        `https://push.example.com:${port}/x`,
        {},
        {
          ...bounds,
          ...none,
          lookup: fakeLookup("93.184.216.34", "127.0.0.1").lookup,
        },
      ),
    ).rejects.toMatchObject({ reason: "address_not_allowed" });
  });

  it("connects to the address the guarded lookup gave, and sends exactly the checked path", async () => {
    const resolver = fakeLookup("127.0.0.1");
    const answer = await guardedFetch(
      `http://hooks.lan:${port}/path;a=b/x?y=1&z=%2F`,
      { method: "POST", body: "hello", headers: { "Content-Type": "text/plain" } },
      { ...bounds, allowedHosts: ["hooks.lan"], lookup: resolver.lookup },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("ok");
    expect(resolver.calls).toEqual(["hooks.lan"]);
    expect(seen.at(-1)).toBe("POST /path;a=b/x?y=1&z=%2F");
  });

  it("follows no redirect, and bounds the answer's size and time", async () => {
    const local = { allowedHosts: ["127.0.0.1"] };
    const redirected = await guardedFetch(
      `http://127.0.0.1:${port}/redirect`,
      {},
      {
        ...bounds,
        ...local,
      },
    );
    expect(redirected.status).toBe(302);
    expect(seen).not.toContain("GET /elsewhere");

    await expect(
      guardedFetch(`http://127.0.0.1:${port}/big`, {}, { ...bounds, ...local }),
    ).rejects.toMatchObject({ reason: "response_too_large" });
    await expect(
      guardedFetch(
        `http://127.0.0.1:${port}/silent`,
        {},
        {
          maxBytes: 1024,
          timeoutMs: 200,
          ...local,
        },
      ),
    ).rejects.toMatchObject({ reason: "timeout" });
  });

  it("refuses a loopback address given literally, unless allowed", async () => {
    await expect(
      guardedFetch(`http://127.0.0.1:${port}/x`, {}, { ...bounds, allowedHosts: [] }),
    ).rejects.toMatchObject({ reason: "scheme_not_allowed" });
    await expect(
      guardedFetch(`https://127.0.0.1:${port}/x`, {}, { ...bounds, allowedHosts: [] }),
    ).rejects.toMatchObject({ reason: "address_not_allowed" });
  });
});
