import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The browser `npm test` drives, found without asking: CHROMIUM_PATH, then
 * Debian's /usr/bin/chromium, then Playwright's own download (on a machine
 * with internet, `npx playwright install chromium` fills it).
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; that's fine if another was found.
  }
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (found) return found;
  throw new Error(
    [
      "No Chromium found for the end-to-end tests. Install one of:",
      "  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)",
      "  - with internet: npx playwright install chromium",
      "  - or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    ].join("\n"),
  );
}

// Without the networking flags Chromium keeps dialling Google's services,
// which on an offline machine floods the network with refused connections.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
