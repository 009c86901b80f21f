// Each route's first-load JavaScript, script by script (gzipped and raw),
// against a running build: `npx tsx bench/tools/route-js.mjs http://localhost:3100
// /settings,/cases/ID,/subscriptions/SUB`. It registers a throwaway user with a
// subscription and a case (ID and SUB in the routes stand for theirs). The
// bench's own budget check is bench/run.mjs (firstLoadJs); this is for finding
// what to move. Pair it with bench/tools/chunk-sources.mjs.
import zlib from "node:zlib";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, findChromium } from "../../tests/support/chromium.ts";

const base = process.argv[2] ?? "http://localhost:3000";
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const context = await browser.newContext();
const request = context.request;
const email = `route-js-${Date.now()}@example.com`;
const password = "correct horse battery staple 42";
const registered = await request.post(`${base}/api/v1/auth/register`, {
  data: { email, password },
});
if (registered.status() !== 201) throw new Error(`register: ${registered.status()}`);
const { token } = await (
  await request.post(`${base}/api/v1/auth/token`, { data: { email, password } })
).json();
const auth = { Authorization: `Bearer ${token}` };
const sub = await (
  await request.post(`${base}/api/v1/subscriptions`, {
    headers: auth,
    data: {
      provider: "Mint Mobile",
      category: "mobile",
      plan: "Unlimited",
      amount: 3000,
      currency: "USD",
      billingCycle: "monthly",
      nextRenewal: "2027-01-05",
    },
  })
).json();
const kase = await (
  await request.post(`${base}/api/v1/cases`, {
    headers: auth,
    data: { subscriptionId: sub.id, reason: "charges" },
  })
).json();
const login = await context.newPage();
await login.goto(`${base}/login`);
await login.getByLabel("Email").fill(email);
await login.getByLabel("Password").fill(password);
await login.getByRole("button", { name: "Log in" }).click();
await login.waitForURL(/dashboard/);
const state = await context.storageState();
const routes = (process.argv[3] ?? "/dashboard,/settings,/cases/ID")
  .split(",")
  .map((route) => route.replace("ID", kase.id).replace("SUB", sub.id));
for (const route of routes) {
  const fresh = await browser.newContext({ storageState: state });
  const page = await fresh.newPage();
  const scripts = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      response
        .body()
        .catch(() => Buffer.alloc(0))
        .then((body) => [
          new URL(response.url()).pathname,
          zlib.gzipSync(body).length,
          body.length,
        ]),
    );
  });
  await page.goto(base + route, { waitUntil: "networkidle" });
  const sized = (await Promise.all(scripts)).sort((a, b) => b[1] - a[1]);
  const total = sized.reduce((sum, [, gz]) => sum + gz, 0);
  console.log(`${route} ${(total / 1000).toFixed(1)} kB gzipped`);
  for (const [file, gz, raw] of sized)
    console.log(
      `  ${(gz / 1000).toFixed(1).padStart(6)} ${(raw / 1000).toFixed(1).padStart(7)}  ${file}`,
    );
  await fresh.close();
}
await browser.close();
