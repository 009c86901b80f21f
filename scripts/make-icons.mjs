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
// /favicon.ico (app/favicon.ico): what browsers and bookmark tools ask for on
// every page whatever the HTML says. An ICO whose images are PNGs (allowed since
// Windows Vista, read by every current browser): a 6-byte header, one 16-byte
// entry per size, then the PNGs.
const sizes = [16, 32, 48];
const pngs = [];
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${any.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  pngs.push(await page.locator("svg").screenshot({ omitBackground: true }));
}
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry); // width
  header.writeUInt8(size, entry + 1); // height
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(pngs[i].length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += pngs[i].length;
});
fs.writeFileSync("app/favicon.ico", Buffer.concat([header, ...pngs]));
await browser.close();
