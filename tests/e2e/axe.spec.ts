import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { EML, PDF } from "./files";
import { apiCase, PASSWORD, ready, uniqueEmail } from "./helpers";

// @axe-core/playwright: axe-core's own binding for Playwright (axe is what
// issue 30's audit ran), driving the same Chromium as the other specs, with
// nothing to download. Pinned at 4.13.0: 4.14 declares Node >= 22.12 and
// this app supports Node 20.
//
// Every page of the app, signed in and signed out, in each language and
// colour scheme, checked by axe against WCAG 2.0/2.1 A and AA. The pages are
// found on disk (like access-matrix.spec.ts finds routes), so a new page is
// checked without anyone adding it here; a new dynamic segment needs a value
// in SEGMENTS, and the first test fails until it has one.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const LANGUAGES = ["en", "zh-CN"] as const;
const SCHEMES = ["light", "dark"] as const;

type Ids = { id: string; receiptId: string; token: string };

/** What each dynamic segment stands for, given the folder it sits under. */
const SEGMENTS: Record<string, (ids: Ids & { subscriptionId: string }, parent: string) => string> =
  {
    id: (ids, parent) => (parent === "subscriptions" ? ids.subscriptionId : ids.id),
    receiptId: (ids) => ids.receiptId,
    // A playbook of the fixture library the e2e servers read (playwright.config.ts).
    slug: () => "example-mobile",
    // An unknown token: the page a stale unsubscribe link shows (the not-found page, 404).
    token: () => "0000000000000000",
  };

type Page_ = { route: string; signedIn: boolean };

function discoverPages(): Page_[] {
  const found: Page_[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "api") walk(full);
      else if (entry.name === "page.tsx") {
        const parts = path.relative("app", dir).split(path.sep).filter(Boolean);
        found.push({
          route: "/" + parts.filter((part) => !/^\(.+\)$/.test(part)).join("/"),
          signedIn: parts[0] === "(app)",
        });
      }
    }
  };
  walk("app");
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

function fill(route: string, ids: Ids & { subscriptionId: string }): string {
  const parts = route.split("/");
  return parts
    .map((part, i) => {
      const name = /^\[(\w+)\]$/.exec(part)?.[1];
      if (!name) return part;
      const value = SEGMENTS[name];
      if (!value) throw new Error(`axe.spec.ts: no value for [${name}] in ${route}`);
      return value(ids, parts[i - 1] ?? "");
    })
    .join("/");
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    // WCAG 2.5.3 (label in name) is an experimental rule in axe: asked for by name, beside the tags.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(TAGS)
    .analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1] ?? ""}`),
  }));
}

test("every page's dynamic segments have a value here", () => {
  const names = discoverPages().flatMap((p) =>
    [...p.route.matchAll(/\[(\w+)\]/g)].map((m) => m[1] ?? ""),
  );
  expect(names.filter((name) => !(name in SEGMENTS))).toEqual([]);
});

/** A user in this language with a subscription, a case with a note and a receipt; signed in. */
async function signedInState(browser: Browser, language: string) {
  const context = await browser.newContext({ locale: language });
  const email = uniqueEmail("axe");
  const request = context.request;
  expect(
    (
      await request.post("/api/v1/auth/register", {
        data: { email, password: PASSWORD, locale: language },
      })
    ).status(),
  ).toBe(201);
  const issued = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  const auth = { Authorization: `Bearer ${(await issued.json()).token}` };
  const { sub, kase } = await apiCase(request, auth, {
    noteSummary: "Asked to cancel; agent offered a discount.",
    receipt: PDF,
  });
  // A saved email too: the receipt page shows text receipts (a PDF opens in the browser's viewer).
  const saved = await request.post(`/api/v1/cases/${kase.id}/receipts`, {
    headers: auth,
    multipart: {
      kind: "confirmation",
      file: { name: "cancelled.eml", mimeType: "message/rfc822", buffer: EML },
    },
  });
  expect(saved.status()).toBe(201);
  const receipt = await saved.json();
  const page = await context.newPage();
  await page.goto("/login");
  await ready(page);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(PASSWORD);
  await page.locator("form button[type=submit]:not([name=locale])").click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const state = await context.storageState();
  await context.close();
  return {
    state,
    ids: { id: kase.id, subscriptionId: sub.id, receiptId: receipt.id, token: "" },
  };
}

// One test, one signed-in user and one pair of browser contexts per language and scheme.
for (const language of LANGUAGES) {
  for (const colorScheme of SCHEMES) {
    test(`axe finds nothing on any page in ${language}, ${colorScheme}`, async ({ browser }) => {
      test.setTimeout(600_000);
      const { state, ids } = await signedInState(browser, language);
      const contexts: Record<"in" | "out", BrowserContext> = {
        in: await browser.newContext({ locale: language, colorScheme, storageState: state }),
        out: await browser.newContext({ locale: language, colorScheme }),
      };
      const found: Record<string, unknown> = {};
      for (const { route, signedIn } of discoverPages()) {
        const page = await contexts[signedIn ? "in" : "out"].newPage();
        const url = fill(route, ids);
        const response = await page.goto(url);
        await ready(page);
        // A page that did not open, or not in the language meant, was not checked: say so.
        const status = response?.status() ?? 0;
        const lang = await page.locator("html").getAttribute("lang");
        const seen: unknown[] = await violations(page);
        const expected = route.includes("[token]") ? 404 : 200;
        if (status !== expected) seen.push(`status ${status}`);
        if (lang !== language) seen.push(`lang ${lang}`);
        if (seen.length) {
          found[url] = seen;
          // Logged as found, so a run cut short still names what it saw.
          console.log(`axe ${language} ${colorScheme} ${url}: ${JSON.stringify(seen, null, 1)}`);
        }
        await page.close();
      }
      await contexts.in.close();
      await contexts.out.close();
      expect(found).toEqual({});
    });
  }
}
