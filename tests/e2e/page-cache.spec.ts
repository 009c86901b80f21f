import { expect, test, type APIRequestContext } from "@playwright/test";
import { MOBILE_PLAN, ready, register, sameOrigin, uniqueEmail } from "./helpers";

// Issue 37: a signed-in page is kept rendered per session until the user's
// data changes (server/middlewares/signed-in-page-cache.mjs). Against the
// real server, with its workers (each has its own store, so a request may
// land on one that has not seen the page yet): repeat views come from
// memory; after a write no worker serves the old page; another user never
// gets this one's.

const PAGES = ["/dashboard", "/subscriptions", "/cases", "/notifications"];

async function views(request: APIRequestContext, path: string, times: number) {
  const seen: { cache: string | undefined; body: string }[] = [];
  for (let i = 0; i < times; i++) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    // The page itself, not the login page a lost session would be sent to.
    expect(new URL(response.url()).pathname, path).toBe(path);
    seen.push({ cache: response.headers()["x-cancelcase-cache"], body: await response.text() });
  }
  return seen;
}

test("repeat views come from memory; after a write every worker renders anew; never another user's page", async ({
  browser,
}) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  try {
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    const emailA = await register(pageA, uniqueEmail("cache-a"));
    const emailB = await register(pageB, uniqueEmail("cache-b"));

    for (const path of PAGES) {
      const seen = await views(pageA.request, path, 6);
      expect(seen[0]!.cache, path).toBe("miss");
      expect(
        seen.some((view) => view.cache === "hit"),
        path,
      ).toBe(true);
    }

    // A writes through the API: every page of A's renders again, on every worker.
    const provider = "Cache Breaker Wireless";
    const created = await pageA.request.post("/api/v1/subscriptions", {
      headers: sameOrigin(),
      data: { ...MOBILE_PLAN, provider },
    });
    expect(created.status(), await created.text()).toBe(201);
    for (const view of await views(pageA.request, "/subscriptions", 6)) {
      expect(view.body).toContain(provider);
    }
    for (const view of await views(pageA.request, "/dashboard", 6)) {
      expect(view.body).toContain(provider);
    }

    // B, on the same paths, only ever sees B.
    for (const path of PAGES) {
      for (const view of await views(pageB.request, path, 4)) {
        expect(view.body, path).not.toContain(emailA);
        expect(view.body, path).not.toContain(provider);
      }
    }
    // Settings shows the time of day (a token's expiry): rendered every time.
    const settings = await views(pageB.request, "/settings", 3);
    expect(settings.map((view) => view.cache)).toEqual([undefined, undefined, undefined]);
    expect(settings[0]!.body).toContain(emailB);

    // In the browser: a change made in the page shows on the next visit and
    // after a client navigation.
    await pageA.goto("/subscriptions");
    await ready(pageA);
    await pageA.getByRole("link", { name: provider }).click();
    await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(provider);
    await pageA.getByRole("link", { name: "Edit" }).click();
    await ready(pageA);
    await pageA.getByLabel("Provider").fill(`${provider} Renamed`);
    await pageA.getByRole("button", { name: "Save changes" }).click();
    await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(`${provider} Renamed`);
    await pageA.goto("/subscriptions");
    await expect(pageA.getByRole("link", { name: `${provider} Renamed` })).toBeVisible();
  } finally {
    await a.close();
    await b.close();
  }
});
