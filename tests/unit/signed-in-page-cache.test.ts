import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// Issue 37: a signed-in page is served from memory only to the session that
// rendered it, only while the user's data version, day and locale are the
// same, with a fresh CSP nonce each time; everything else reaches Next.js.
// The middlewares run as the server chains them; "Next.js" here is a
// handler that counts its renders and writes the nonce it was given, and the
// session reader is a table the test controls (the real one,
// lib/auth/page-session.ts, is tested against the database in
// tests/data/page-session.test.ts).

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
type Session = {
  sessionId: string;
  userId: string;
  locale: string;
  dataVersion: number;
  day: string;
};

const sessions = new Map<string, Session | "throws">();
let renders = 0;
let answer: { status: number; setCookie?: boolean; extra?: string } = { status: 200 };
let base: string;
let server: http.Server;

async function get(path: string, cookie: string | null, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    headers: { ...(cookie ? { cookie: `next-auth.session-token=${cookie}` } : {}), ...headers },
    redirect: "manual",
  });
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return {
    status: response.status,
    cache: response.headers.get("x-cancelcase-cache"),
    link: response.headers.get("link"),
    body,
    nonce,
  };
}

beforeAll(async () => {
  const { chain } = (await import("../../server/middleware.mjs" as string)) as {
    chain: (m: Middleware[]) => http.RequestListener;
  };
  const { pageCspNonce } = (await import("../../server/middlewares/page-csp.mjs" as string)) as {
    pageCspNonce: (o: { dev: boolean }) => Middleware;
  };
  const { signedInPageCacheMiddleware } = (await import(
    "../../server/middlewares/signed-in-page-cache.mjs" as string
  )) as {
    signedInPageCacheMiddleware: (o: {
      enabled: boolean;
      maxBytes: number;
      readSession: (cookie: string) => Promise<Session | null>;
    }) => Middleware;
  };
  const readSession = async (cookie: string) => {
    const value = sessions.get(/next-auth\.session-token=([^;]*)/.exec(cookie)?.[1] ?? "");
    if (value === "throws") throw new Error("the database is away");
    return value ?? null;
  };
  const next: Middleware = (req, res) => {
    renders += 1;
    const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"]))?.[1];
    res.statusCode = answer.status;
    if (answer.setCookie) res.setHeader("Set-Cookie", "x=1");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Link", `</app.css>; rel=preload; as="style"; nonce="${nonce}"`);
    res.write(
      `<html>${answer.extra ?? ""}<script nonce="${nonce}">render ${renders} of ${req.url} `,
    );
    res.end(`rsc=${req.headers.rsc ?? ""}</script><script nonce="${nonce}">汉字</script></html>`);
  };
  server = http.createServer(
    chain([
      pageCspNonce({ dev: false }),
      signedInPageCacheMiddleware({ enabled: true, maxBytes: 64 * 1024, readSession }),
      next,
    ]),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answer = { status: 200 };
  sessions.clear();
  sessions.set("A", {
    sessionId: "sa",
    userId: "ua",
    locale: "en",
    dataVersion: 1,
    day: "2026-12-06",
  });
  sessions.set("A2", {
    sessionId: "sa2",
    userId: "ua",
    locale: "en",
    dataVersion: 1,
    day: "2026-12-06",
  });
  sessions.set("B", {
    sessionId: "sb",
    userId: "ub",
    locale: "en",
    dataVersion: 1,
    day: "2026-12-06",
  });
});

describe("the signed-in page cache", () => {
  it("serves a session's repeat view from memory with a fresh nonce", async () => {
    const first = await get("/dashboard?t=1", "A");
    const again = await get("/dashboard?t=1", "A");
    expect([first.cache, again.cache]).toEqual(["miss", "hit"]);
    expect(again.body).toBe(first.body.replaceAll(first.nonce!, again.nonce!));
    expect(again.body.split(`nonce="${again.nonce}"`)).toHaveLength(3);
    expect(again.body).toContain("汉字");
    expect(again.nonce).not.toBe(first.nonce);
    expect(again.link).toBe(`</app.css>; rel=preload; as="style"; nonce="${again.nonce}"`);
    expect(again.body).toContain(`nonce="${again.nonce}"`);
  });

  it("never answers one session with another's page, even the same user's", async () => {
    const a = await get("/dashboard?t=2", "A");
    const b = await get("/dashboard?t=2", "B");
    const a2 = await get("/dashboard?t=2", "A2");
    expect([a.cache, b.cache, a2.cache]).toEqual(["miss", "miss", "miss"]);
    expect(new Set([a.body, b.body, a2.body].map((body) => /render \d+/.exec(body)![0])).size).toBe(
      3,
    );
  });

  it("renders again once the data version, the day or the locale moves on", async () => {
    const session = sessions.get("A") as Session;
    await get("/cases?t=3", "A");
    expect((await get("/cases?t=3", "A")).cache).toBe("hit");
    session.dataVersion += 1;
    expect((await get("/cases?t=3", "A")).cache).toBe("miss");
    expect((await get("/cases?t=3", "A")).cache).toBe("hit");
    session.day = "2026-12-07";
    expect((await get("/cases?t=3", "A")).cache).toBe("miss");
    session.locale = "zh-CN";
    expect((await get("/cases?t=3", "A")).cache).toBe("miss");
    // Back to an old state: its entries were dropped when the session moved on.
    session.dataVersion -= 1;
    session.day = "2026-12-06";
    session.locale = "en";
    expect((await get("/cases?t=3", "A")).cache).toBe("miss");
  });

  it("keeps a client navigation apart from the document", async () => {
    await get("/subscriptions?t=4", "A");
    const rsc = await get("/subscriptions?t=4", "A", { rsc: "1", "next-router-state-tree": "x" });
    expect(rsc.cache).toBe("miss");
    expect(rsc.body).toContain("rsc=1");
    expect(
      (await get("/subscriptions?t=4", "A", { rsc: "1", "next-router-state-tree": "x" })).cache,
    ).toBe("hit");
    expect(
      (await get("/subscriptions?t=4", "A", { rsc: "1", "next-router-state-tree": "y" })).cache,
    ).toBe("miss");
  });

  it("tells apart long router state trees that differ only at their end", async () => {
    const tree = (end: string) => ({
      rsc: "1",
      "next-router-state-tree": `${"a".repeat(6000)}${end}`,
    });
    await get("/cases?t=long", "A", tree("x"));
    expect((await get("/cases?t=long", "A", tree("x"))).cache).toBe("hit");
    expect((await get("/cases?t=long", "A", tree("y"))).cache).toBe("miss");
  });

  it("leaves to Next.js: an ended session, a failed read, other users' data, actions, the API", async () => {
    sessions.set("ended", "throws");
    for (const [path, cookie, headers] of [
      ["/dashboard?t=5", "nobody", {}],
      ["/dashboard?t=5", "ended", {}],
      ["/playbooks/mint-mobile", "A", {}],
      ["/settings", "A", {}],
      ["/cases/c1/evidence", "A", {}],
      ["/dashboard?t=5", "A", { "next-action": "abc" }],
      ["/api/v1/cases", "A", {}],
    ] as const) {
      const before = renders;
      await get(path, cookie, headers);
      const again = await get(path, cookie, headers);
      expect(again.cache, path).not.toBe("hit");
      expect(renders - before, `${path} ${cookie}`).toBe(2);
    }
  });

  it("keeps only a whole 200 without Set-Cookie, within its bytes", async () => {
    answer = { status: 500 };
    await get("/notes?t=6", "A");
    expect((await get("/notes?t=6", "A")).cache).toBe("miss");
    answer = { status: 200, setCookie: true };
    await get("/notes?t=7", "A");
    expect((await get("/notes?t=7", "A")).cache).toBe("miss");
    // A failure shown inside a page that had started (status 200) is not kept.
    for (const [i, extra] of [
      '<div role="alert" data-testid="error-page">Something went wrong</div>',
      '<script>self.__next_f.push([1,"5:E{\\"digest\\":\\"1234\\"}"])</script>',
    ].entries()) {
      answer = { status: 200, extra };
      await get(`/notes?t=err-${i}`, "A");
      expect((await get(`/notes?t=err-${i}`, "A")).cache).toBe("miss");
    }
    // 64 KiB of store: a hundred pages push the first one out.
    answer = { status: 200 };
    await get("/notes?t=8", "A");
    for (let i = 0; i < 100; i++) await get(`/notes?t=fill-${i}-${"x".repeat(600)}`, "A");
    expect((await get("/notes?t=8", "A")).cache).toBe("miss");
  });
});
