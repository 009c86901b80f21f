import { expect, test } from "@playwright/test";
import { ready, registerInChinese, sameOrigin } from "./helpers";

// Settings → Channels says a channel's last error in the reader's language,
// in plain words for the common failures (the code kept for whoever debugs
// it); the API keeps the sender's English text (issue 36, issue 37 moved the
// wording to the server).
test("a channel's last error is said in Chinese, in plain words", async ({ page }) => {
  await registerInChinese(page);
  const added = await page.request.post("/api/v1/me/channels", {
    headers: sameOrigin(),
    data: { kind: "ntfy", name: "家里的手机", target: "https://no-such-host.invalid/cancelcase" },
  });
  expect(added.status(), await added.text()).toBe(201);
  const { id } = await added.json();
  const tested = await page.request.post(`/api/v1/me/channels/${id}/test`, {
    headers: sameOrigin(),
  });
  expect(tested.status(), await tested.text()).toBe(202);
  let lastError: string | null = null;
  await expect
    .poll(async () => {
      const list = await (await page.request.get("/api/v1/me/channels")).json();
      lastError = list.items?.find((c: { id: string }) => c.id === id)?.lastError ?? null;
      return lastError;
    })
    .toMatch(/^could not connect \((ENOTFOUND|EAI_AGAIN)\)$/);

  await page.goto("/settings#channels");
  await ready(page);
  const card = page.locator("#channels");
  await expect(card.getByText("家里的手机")).toBeVisible();
  await expect(
    card.getByText(/找不到这个名字的服务器，请检查地址（(ENOTFOUND|EAI_AGAIN)）/),
  ).toBeVisible();
  await expect(card.getByText("could not connect")).toHaveCount(0);
});
