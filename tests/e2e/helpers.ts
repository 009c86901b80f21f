import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { MAIN_PATH } from "@/lib/domain/case-workflow";

export const PASSWORD = "a sturdy test passphrase";

/** What must never reach a client: stack frames, paths, SQL, driver and runtime error names. */
export const LEAKS =
  /(\bat [\w.<>]+ \(|node_modules|\/work\/|\bSELECT\b|\bINSERT\b|prisma|SqliteError|TypeError|ReferenceError)/i;

/** The app's own Origin: what a cookie-authenticated write from the page sends. */
export const sameOrigin = () => ({ Origin: new URL(test.info().project.use.baseURL!).origin });

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** The requests a page has open, followed from its first ready() on. */
const inFlight = new WeakMap<Page, Set<Request>>();

function follow(page: Page): Set<Request> {
  let open = inFlight.get(page);
  if (!open) {
    const set = new Set<Request>();
    page.on("request", (request) => set.add(request));
    page.on("requestfinished", (request) => set.delete(request));
    page.on("requestfailed", (request) => set.delete(request));
    inFlight.set(page, set);
    open = set;
  }
  return open;
}

/** Long after hydration: a page still busy then has a request that does not end. */
const SETTLE_MS = 30_000;

/**
 * Waits until React has hydrated, so a click runs the handler, not a plain
 * submit: until the network has been quiet for 500 ms. Three CI runs saw a
 * page whose network never went quiet (one request left open, the other
 * worker served normally); after SETTLE_MS the test goes on and the log names
 * the requests still open, so the cause can be found rather than waited on.
 */
export async function ready(page: Page): Promise<void> {
  const open = follow(page);
  try {
    await page.waitForLoadState("networkidle", { timeout: SETTLE_MS });
  } catch (error) {
    if (page.isClosed()) throw error;
    const pending = [...open].map((r) => `${r.method()} ${r.url()} (${r.resourceType()})`);
    console.warn(
      `ready(): ${page.url()} not quiet after ${SETTLE_MS / 1000} s; open: ${pending.join(", ") || "none seen"}`,
    );
  }
}

export async function register(
  page: Page,
  email = uniqueEmail(),
  name = "Test User",
): Promise<string> {
  await page.goto("/register");
  await ready(page);
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return email;
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await ready(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Registers through the API: quicker when the UI of sign-up is not what is tested. */
export async function registerViaApi(page: Page, email = uniqueEmail()): Promise<string> {
  const response = await page.request.post("/api/v1/auth/register", {
    data: { email, password: PASSWORD },
  });
  expect(response.status()).toBe(201);
  return email;
}

/** A fresh account and a Bearer token for it. */
export async function apiUser(
  request: APIRequestContext,
): Promise<{ email: string; auth: { Authorization: string } }> {
  const email = uniqueEmail("api");
  expect(
    (await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD } })).status(),
  ).toBe(201);
  const issued = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  const { token } = await issued.json();
  return { email, auth: { Authorization: `Bearer ${token}` } };
}

export const MOBILE_PLAN = {
  provider: "Mint Mobile",
  category: "mobile",
  plan: "Unlimited 5G",
  amount: 3000,
  currency: "USD",
  billingCycle: "monthly",
  nextRenewalOn: "2026-12-15",
  accountRef: "555-0142-7788",
  paymentMethod: "Visa ••4242",
  autoRenew: true,
  cancelUrl: "https://www.mintmobile.com/account",
};

/** A day as a US bank's CSV writes it: 2026-12-06 → 12/06/2026. */
export const usDate = (date: string) =>
  `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

/**
 * A MOBILE_PLAN subscription whose case the provider has confirmed, through
 * the API: today, or with every step on `occurredOn` (opened then too).
 */
export async function confirmedCaseViaApi(
  request: APIRequestContext,
  occurredOn?: string,
): Promise<{ sub: { id: string }; kase: { id: string; version: number } }> {
  const post = async (url: string, data: unknown) => {
    const response = await request.post(url, { data, headers: sameOrigin() });
    expect(response.status(), url).toBeLessThan(300);
    return response.json();
  };
  const sub = await post("/api/v1/subscriptions", MOBILE_PLAN);
  let kase = await post("/api/v1/cases", { subscriptionId: sub.id, reason: "cost", occurredOn });
  for (const to of ["bill_checked", "request_submitted", "confirmation_received"]) {
    kase = await post(`/api/v1/cases/${kase.id}/transitions`, {
      to,
      expectedVersion: kase.version,
      occurredOn,
      ...(to === "confirmation_received" ? { confirmationNumber: "MM-55120" } : {}),
    });
  }
  return { sub, kase };
}

/** Signs up through the form after switching the page to Chinese. */
export async function registerInChinese(page: Page, prefix = "zh"): Promise<void> {
  await page.goto("/register");
  await ready(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("注册账号");
  await ready(page);
  await page.getByLabel("邮箱").fill(uniqueEmail(prefix));
  await page.getByLabel("密码").fill("一段足够长的测试密码");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Adds a subscription through the form and opens its cancellation case (English UI). */
export async function openCaseThroughUi(page: Page, provider: string, price = "45"): Promise<void> {
  await page.goto("/subscriptions/new");
  await ready(page);
  await page.getByLabel("Provider").fill(provider);
  await page.getByLabel("Price per billing cycle").fill(price);
  await page.getByRole("button", { name: "Save subscription" }).click();
  await page.getByRole("button", { name: "Open cancellation case" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await ready(page);
}

/** The main path's steps after "open", short of confirmation: what racing tests walk a case through. */
export const WALK = MAIN_PATH.slice(1, -1);

/**
 * A case through the API, for tests about what is done to it: a subscription,
 * the case, and on request a note (with this summary) and a PDF receipt.
 */
export async function apiCase(
  request: APIRequestContext,
  auth: Record<string, string>,
  extras: { noteSummary?: string; receipt?: Buffer } = {},
) {
  const post = async (url: string, options: Parameters<APIRequestContext["post"]>[1]) => {
    const response = await request.post(url, { headers: auth, ...options });
    expect(response.status(), url).toBe(201);
    return response.json();
  };
  const sub = await post("/api/v1/subscriptions", { data: MOBILE_PLAN });
  const kase = await post("/api/v1/cases", { data: { subscriptionId: sub.id, reason: "cost" } });
  const note = extras.noteSummary
    ? await post(`/api/v1/cases/${kase.id}/notes`, {
        data: { channel: "phone", occurredAt: "2026-11-20T10:00:00Z", summary: extras.noteSummary },
      })
    : null;
  const receipt = extras.receipt
    ? await post(`/api/v1/cases/${kase.id}/receipts`, {
        multipart: {
          kind: "confirmation",
          file: { name: "x.pdf", mimeType: "application/pdf", buffer: extras.receipt },
        },
      })
    : null;
  return { sub, kase, note, receipt };
}
