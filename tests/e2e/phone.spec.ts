import { expect, test } from "@playwright/test";
import { todayIn } from "@/lib/domain/dates";
import { MOBILE_PLAN, PASSWORD, ready, uniqueEmail } from "./helpers";

// Issue 12: nothing overflows a 375 px screen, with the long names real
// providers, agents, references and files have, in both languages.
test.use({ viewport: { width: 375, height: 812 }, timezoneId: "America/New_York" });

const LONG = {
  provider: "Mint Mobile Unlimited Premium International Roaming eSIM Family Plan",
  plan: "Unlimited 5G+ with 35GB high-speed hotspot and international calling to 200 countries",
  agent: "Maximiliana Alexandrovna Konstantinopolskaya-Wolfeschlegelsteinhausen",
  reference: "REF-2026-12-01-MINTMOBILE-CANCELLATION-000123456789-ESCALATED",
  confirmation: "MINT-CANCEL-CONFIRMATION-2026120100000000123456789",
  file: "Mint_Mobile_Cancellation_Confirmation_2026-12-01.pdf",
};

test("every page fits a 375 px screen with long real-world names, in English and Chinese", async ({
  page,
}) => {
  // 32 page loads, each waiting for the network to settle: on a loaded CI machine
  // that outgrew the default 90 s (one run took 1.5 min before the last page).
  test.setTimeout(240_000);
  const email = uniqueEmail("phone");
  const origin = { Origin: `http://localhost:${process.env.E2E_PORT}` };
  expect(
    (
      await page.request.post("/api/v1/auth/register", {
        data: { email, password: PASSWORD, name: "Wolfeschlegelsteinhausenbergerdorff Chen" },
      })
    ).status(),
  ).toBe(201);
  await page.goto("/login");
  await ready(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const post = async (url: string, data: object) => {
    const response = await page.request.post(url, { headers: origin, data });
    expect(response.ok(), url).toBe(true);
    return response.json();
  };
  // Today wherever the account's day is counted (the browser's New York or
  // UTC): between midnight UTC and midnight in New York they differ, and a
  // renewal on New York's today would already be past for a UTC account.
  const soon = [todayIn("America/New_York"), todayIn("UTC")].sort().at(-1)!;
  const sub = await post("/api/v1/subscriptions", {
    ...MOBILE_PLAN,
    provider: LONG.provider,
    plan: LONG.plan,
    nextRenewalOn: soon,
    cancelUrl: `https://www.mintmobile.com/account/${"very-long-path-segment/".repeat(6)}`,
  });
  await post("/api/v1/subscriptions", { ...MOBILE_PLAN, provider: `${LONG.provider} Second Line` });
  const kase = await post("/api/v1/cases", { subscriptionId: sub.id, reason: "switching" });
  await post(`/api/v1/cases/${kase.id}/notes`, {
    channel: "chat",
    occurredAt: "2026-11-30T15:00:00Z",
    agent: LONG.agent,
    reference: LONG.reference,
    summary: `${"Asked to cancel and port out; ".repeat(3)}https://www.mintmobile.com/${"x".repeat(80)}`,
    outcome: "Escalated to the retention department supervisor for approval",
  });
  const receipt = await page.request.post(`/api/v1/cases/${kase.id}/receipts`, {
    headers: origin,
    multipart: {
      kind: "confirmation",
      file: { name: LONG.file, mimeType: "text/plain", buffer: Buffer.from("Confirmation text") },
    },
  });
  expect(receipt.status()).toBe(201);
  const { id: receiptId } = await receipt.json();
  const patched = await page.request.patch(`/api/v1/cases/${kase.id}`, {
    headers: origin,
    data: { confirmationNumber: LONG.confirmation, nextFollowUpOn: soon },
  });
  expect(patched.status()).toBe(200);

  const pages = [
    "/dashboard",
    "/subscriptions",
    "/subscriptions/new",
    `/subscriptions/${sub.id}`,
    `/subscriptions/${sub.id}/edit`,
    "/cases",
    `/cases/${kase.id}`,
    `/cases/${kase.id}/evidence`,
    `/cases/${kase.id}/receipts/${receiptId}`,
    `/notes?q=${encodeURIComponent("Mint")}`,
    "/settings",
    "/notifications",
    "/share",
    "/statements",
    "/subscriptions/import",
    "/no-such-page",
  ];
  for (const language of ["en", "zh-CN"]) {
    await page.goto("/dashboard");
    await ready(page);
    await page.locator("button[aria-controls=mobile-menu]").click();
    await page.locator(`button[lang=${language}]:visible`).click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    for (const path of pages) {
      await page.goto(path);
      await ready(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${language} ${path}`).toBeLessThanOrEqual(375);
    }
  }

  // The dashboard points at the renewal and at the subscription nobody is cancelling yet.
  await page.goto("/dashboard");
  await expect(page.getByTestId("renewals")).toContainText("续费：正在取消中");
  await expect(page.getByTestId("without-case")).toContainText("Second Line");
});
