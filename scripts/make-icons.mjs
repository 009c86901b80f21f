// Makes the app icons in public/icons from the logo (run once after changing it):
// node scripts/make-icons.mjs. Chromium draws the SVG, so no image library is needed.
import { chromium } from "@playwright/test";
import fs from "node:fs";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
});
const page = await browser.newPage();
const mark = `<path d="M7 11.5A2.5 2.5 0 0 1 9.5 9h4l2 2.5h7A2.5 2.5 0 0 1 25 14v8.5a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 7 22.5z" fill="#fff"/><path d="m11.5 18.2 3 3 6-6.2" fill="none" stroke="#4f46e5" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`;
// "any": the rounded tile; "maskable": full bleed, the mark inside the 80% safe zone.
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/>${mark}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#4f46e5"/><g transform="translate(16 16) scale(0.75) translate(-16 -17)">${mark}</g></svg>`;
for (const [name, svg, size] of [
  ["icon-192.png", any, 192],
  ["icon-512.png", any, 512],
  ["maskable-512.png", maskable, 512],
  ["apple-touch-icon.png", maskable, 180],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  fs.writeFileSync(
    `public/icons/${name}`,
    await page.locator("svg").screenshot({ omitBackground: true }),
  );
}
await browser.close();
