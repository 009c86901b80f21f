import { expect, request, test, type BrowserContext } from "@playwright/test";
import http from "node:http";
import path from "node:path";
import { builtActionIds, form } from "./actions";
import { PDF } from "./files";
import { MOBILE_PLAN, openCaseThroughUi, register, registerInChinese } from "./helpers";
import { START_HOOK_TIMEOUT_MS, startOwnServer, type OwnServer } from "./server";

// One Origin rule for every cookie-authenticated write (lib/http/write-origin.mjs):
// the address the browser used is as good as BASE_URL's (the shared server's
// BASE_URL says localhost), a foreign page is refused with a plain 403, and
// the page says why in its own language.

// React's own encoding of an action's arguments, as tests/e2e/actions.ts uses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply(args: unknown[]): Promise<string | FormData>;
};

const port = Number(process.env.E2E_PORT);
const loopback = `http://127.0.0.1:${port}`;

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A request with a Host header of our choosing, as a phone on the LAN would send it. */
function rawRequest(
  path: string,
  method: string,
  headers: Record<string, string>,
  body = "",
  target = port,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: target, path, method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

test("at 127.0.0.1 (BASE_URL says localhost) receipts upload and the API takes cookie writes", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: loopback, locale: "en-US" });
  const page = await context.newPage();
  await register(page);
  await openCaseThroughUi(page, "Verizon");
  await page.getByLabel("What is it?").selectOption("confirmation");
  await page
    .getByTestId("dropzone")
    .locator("input[type=file]")
    .setInputFiles({ name: "confirmation.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("receipt-list")).toContainText("confirmation.pdf");

  const own = await page.request.post("/api/v1/subscriptions", {
    headers: { Origin: loopback },
    data: MOBILE_PLAN,
  });
  expect(own.status()).toBe(201);
  const foreign = await page.request.post("/api/v1/subscriptions", {
    headers: { Origin: "https://evil.example" },
    data: MOBILE_PLAN,
  });
  expect(foreign.status()).toBe(403);
  await context.close();
});

test("a LAN address in Host is the origin writes may come from; another one is not", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: loopback, locale: "en-US" });
  const page = await context.newPage();
  await register(page);
  const lan = `192.168.7.20:${port}`;
  const write = (origin: string) =>
    rawRequest(
      "/api/v1/subscriptions",
      "POST",
      {
        Host: lan,
        Origin: origin,
        Cookie: "",
        "Content-Type": "application/json",
      },
      JSON.stringify(MOBILE_PLAN),
    );
  const cookie = await cookieHeader(context);
  const withCookie = (origin: string) =>
    rawRequest(
      "/api/v1/subscriptions",
      "POST",
      { Host: lan, Origin: origin, Cookie: cookie, "Content-Type": "application/json" },
      JSON.stringify(MOBILE_PLAN),
    );
  expect((await withCookie(`http://${lan}`)).status).toBe(201);
  expect((await withCookie(`http://192.168.7.21:${port}`)).status).toBe(403);
  expect((await withCookie(`https://${lan}`)).status).toBe(403);
  // No cookie, no session: 401 whatever the Origin.
  expect((await write(`http://${lan}`)).status).toBe(401);
  await context.close();
});

test("a refused upload says why, in the page's language", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: loopback, locale: "en-US" });
  const page = await context.newPage();
  await registerInChinese(page);
  const kase = await (
    await page.request.post("/api/v1/subscriptions", {
      headers: { Origin: loopback },
      data: MOBILE_PLAN,
    })
  ).json();
  const opened = await page.request.post("/api/v1/cases", {
    headers: { Origin: loopback },
    data: { subscriptionId: kase.id, reason: "cost" },
  });
  expect(opened.status()).toBe(201);
  const caseId = (await opened.json()).id;
  // What a page served from another address sends: its own Origin (the
  // browser will not let a test change it, so the request is replayed with it).
  await page.route("**/receipts", async (route) => {
    const headers = { ...route.request().headers(), origin: "https://evil.example" };
    await route.fulfill({ response: await route.fetch({ headers }) });
  });
  await page.goto(`/cases/${caseId}`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("这是什么文件？").selectOption("confirmation");
  await page
    .getByTestId("dropzone")
    .locator("input[type=file]")
    .setInputFiles({ name: "confirmation.pdf", mimeType: "application/pdf", buffer: PDF });
  const status = page.getByTestId("upload-status");
  await expect(status).toContainText("服务器拒绝了这次修改");
  await expect(status).not.toContainText("检查网络");
  // Refused means nothing was kept.
  const kept = await (await page.request.get(`/api/v1/cases/${caseId}`)).json();
  expect(kept.receipts).toEqual([]);
  await context.close();
});

test("a refused Wallos import says why too, and imports nothing", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: loopback, locale: "en-US" });
  const page = await context.newPage();
  await registerInChinese(page, "wallos-origin");
  await page.route("**/api/v1/subscriptions/import**", async (route) => {
    const headers = { ...route.request().headers(), origin: "https://evil.example" };
    await route.fulfill({ response: await route.fetch({ headers }) });
  });
  await page.goto("/subscriptions/import");
  await page.waitForLoadState("networkidle");
  await page
    .getByLabel("导出文件")
    .setInputFiles(path.resolve("tests/fixtures/subscriptions/wallos-export.json"));
  const error = page.getByTestId("subscription-import-error");
  await expect(error).toContainText("服务器拒绝了这次修改");
  expect((await (await page.request.get("/api/v1/subscriptions")).json()).items).toEqual([]);
  await context.close();
});

test.describe("a POST from a foreign page", () => {
  let app: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(START_HOOK_TIMEOUT_MS);
    // A public name behind a proxy that does not pass it on in Host.
    app = await startOwnServer("origin", { BASE_URL: "http://cancel.example.test" });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("is a plain 403 on any page, signed in or not, with nothing in the log", async () => {
    const target = Number(new URL(app.url).port);
    const evil = { Origin: "https://evil.example" };
    const attempts = [
      // A form on another site posted to a page, as a browser sends it.
      { path: "/login", type: "application/x-www-form-urlencoded", body: "email=a%40b.c" },
      { path: "/register", type: "multipart/form-data; boundary=x", body: "--x--\r\n" },
      { path: "/dashboard", type: "multipart/form-data; boundary=x", body: "--x--\r\n" },
      { path: "/", type: "text/plain;charset=UTF-8", body: "[]", action: true },
      { path: "/subscriptions/new", type: "text/plain;charset=UTF-8", body: "[]", action: true },
    ];
    for (const attempt of attempts) {
      const answer = await rawRequest(
        attempt.path,
        "POST",
        {
          ...evil,
          Host: `localhost:${target}`,
          "Content-Type": attempt.type,
          ...(attempt.action ? { "Next-Action": "7f00000000000000000000000000000000000000" } : {}),
        },
        attempt.body,
        target,
      );
      expect(answer.status, attempt.path).toBe(403);
      expect(JSON.parse(answer.body).error.code).toBe("forbidden");
    }
    // The same page from its own origin is not refused by the rule.
    const own = await rawRequest(
      "/login",
      "POST",
      {
        Origin: `http://localhost:${target}`,
        Host: `localhost:${target}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      "email=a%40b.c",
      target,
    );
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);

    // A server action from a page at BASE_URL's origin, which Host does not
    // name: the rule takes it, and so does Next.js's own check.
    const id = builtActionIds()["lib/actions/auth.ts#setLocaleAction"];
    expect(id).toBeTruthy();
    const api = await request.newContext({ baseURL: app.url });
    const action = await api.fetch("/login", {
      method: "POST",
      headers: {
        "Next-Action": id!,
        Accept: "text/x-component",
        Origin: "http://cancel.example.test",
      },
      multipart: (await encodeReply([form({ locale: "zh-CN" })])) as FormData,
      maxRedirects: 0,
    });
    expect(action.status()).toBe(200);
    expect(action.headers()["set-cookie"]).toContain("zh-CN");
    await api.dispose();
    const log = app.stderr();
    expect(log).not.toMatch(/Invalid Server Actions request|does not match `origin`/);
    expect(log).not.toMatch(/\n\s+at /);
  });
});
