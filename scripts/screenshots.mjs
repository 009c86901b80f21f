// `npm run screenshots -- [baseUrl]`: screenshots of the main pages in
// both languages, at desktop and phone width, light and dark, into
// ./screenshots/, for a person to look at after a UI change. Needs a running
// server. With LOGIN_EMAIL/LOGIN_PASSWORD (e.g. the demo account of
// `npm run seed:demo`) it shows that account; otherwise it registers an empty one.
import { chromium } from "@playwright/test";
import fs from "node:fs";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium.ts";

const base = process.argv[2] ?? "http://localhost:3000";
const out = "screenshots";
fs.mkdirSync(out, { recursive: true });
// The browser and flags of the end-to-end tests (run under tsx to import them).
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

const password = process.env.LOGIN_PASSWORD ?? "screenshot passphrase";
let email = process.env.LOGIN_EMAIL;
if (!email) {
  email = `shots-${Date.now()}@example.com`;
  const registered = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name: "Mei Chen" }),
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
}
const sizes = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 812 } };

async function shoot(page, name) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

for (const locale of ["en", "zh-CN"]) {
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, locale, colorScheme });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
      const page = await context.newPage();
      const tag = `${locale}-${sizeName}${colorScheme === "dark" ? "-dark" : ""}`;
      for (const path of ["/login", "/register"]) {
        await page.goto(base + path);
        await shoot(page, `${path.slice(1)}-${tag}`);
      }
      await page.goto(`${base}/login`, { waitUntil: "networkidle" });
      await page.locator("#email").fill(email);
      await page.locator("#password").fill(password);
      await page.locator("#password").press("Enter");
      await page.waitForURL(/dashboard/);
      await page.waitForLoadState("networkidle");
      // The account's own language wins over the cookie: switch it in the shell.
      if (sizeName === "phone") await page.locator("button[aria-controls=mobile-menu]").click();
      const switcher = page.locator(`button[lang=${locale}]:visible`);
      if ((await switcher.getAttribute("aria-pressed")) !== "true") {
        await switcher.click();
        await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      }
      if (sizeName === "phone") await shoot(page, `menu-${tag}`);

      const pages = ["/dashboard", "/subscriptions", "/subscriptions/new", "/cases", "/settings"];
      for (const path of pages) {
        await page.goto(base + path);
        await shoot(page, `${path.slice(1).replaceAll("/", "_")}-${tag}`);
      }
      await page.goto(`${base}/cases`, { waitUntil: "networkidle" });
      const caseLinks = await page
        .locator("[data-testid=case-list] a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      for (const [i, href] of caseLinks.slice(0, 3).entries()) {
        await page.goto(base + href);
        await shoot(page, `case${i}-${tag}`);
      }
      await page.goto(`${base}/subscriptions`, { waitUntil: "networkidle" });
      const subLink = await page
        .locator("a[href^='/subscriptions/']:not([href$=new])")
        .first()
        .getAttribute("href")
        .catch(() => null);
      if (subLink) {
        await page.goto(base + subLink);
        await shoot(page, `subscription-${tag}`);
      }
      await context.close();
    }
  }
}
await browser.close();
console.log(`screenshots written to ${out}/`);
