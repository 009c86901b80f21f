// `node scripts/screenshots.mjs [baseUrl]`: screenshots of the main pages in
// both languages, at desktop and phone width, into ./screenshots/ — for a
// person to look at after a UI change. Needs a running server.
import { chromium } from "@playwright/test";
import fs from "node:fs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = "screenshots";
fs.mkdirSync(out, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const password = "screenshot passphrase";
const sizes = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 812 } };
const pages = (process.env.PAGES ?? "/dashboard,/subscriptions,/cases,/settings").split(",");

for (const locale of ["en", "zh-CN"]) {
  const email = `shots-${locale}-${Date.now()}@example.com`;
  const registered = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": locale },
    body: JSON.stringify({ email, password, name: locale === "en" ? "Mei Chen" : "陈美" }),
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    for (const colorScheme of sizeName === "desktop" ? ["light", "dark"] : ["light"]) {
      const context = await browser.newContext({ viewport, locale, colorScheme });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
      const page = await context.newPage();
      const tag = `${locale}-${sizeName}${colorScheme === "dark" ? "-dark" : ""}`;
      for (const path of ["/login", "/register"]) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        await page.screenshot({ path: `${out}/${path.slice(1)}-${tag}.png`, fullPage: true });
      }
      await page.goto(`${base}/login`, { waitUntil: "networkidle" });
      await page.locator("#email").fill(email);
      await page.locator("#password").fill(password);
      await page.locator("button[type=submit]").click();
      await page.waitForURL(/dashboard/);
      for (const path of pages) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        await page.screenshot({
          path: `${out}/${path.slice(1).replaceAll("/", "_")}-${tag}.png`,
          fullPage: true,
        });
      }
      if (sizeName === "phone") {
        await page.goto(`${base}/dashboard`, { waitUntil: "networkidle" });
        await page.locator("button[aria-controls=mobile-menu]").click();
        await page.screenshot({ path: `${out}/menu-${tag}.png` });
      }
      await context.close();
    }
  }
}
await browser.close();
console.log(`screenshots written to ${out}/`);
