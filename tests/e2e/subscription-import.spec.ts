import { expect, test } from "@playwright/test";
import path from "node:path";
import { apiUser, ready, registerInChinese } from "./helpers";

// Moving from Wallos in one step, in the Chinese UI: its real-shaped JSON
// export previewed (what is added, what is left out and why), then imported;
// the same export again adds nothing.
test("a Wallos export is previewed, imported, and a second time adds nothing", async ({ page }) => {
  await registerInChinese(page, "wallos");
  await page.goto("/subscriptions");
  await ready(page);
  await page.getByRole("link", { name: "导入" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入订阅");
  await ready(page);
  const file = path.resolve("tests/fixtures/subscriptions/wallos-export.json");
  await page.getByLabel("导出文件").setInputFiles(file);
  const preview = page.getByTestId("subscription-import-preview");
  await expect(preview).toContainText("Wallos 导出文件，共 10 行。");
  // "¥" is offered as yuan (a new Chinese-speaking user's usual currency); "$" is asked.
  const yen = page.getByLabel(/以 ¥ 标注的价格/);
  await expect(yen).toHaveValue("CNY");
  const dollar = page.getByLabel(/以 \$ 标注的价格所用的货币（本文件中 6 项）/);
  await expect(dollar).toHaveValue("");
  await expect(preview).toContainText("将添加（2）");
  await expect(page.getByTestId("subscription-import-skipped")).toContainText(
    "Mint Mobile：这个货币符号可能代表多种货币：请在上方选择",
  );
  await dollar.selectOption("USD");
  await expect(preview).toContainText("将添加（6）");
  await expect(preview).toContainText("Mint Mobile");
  await expect(page.getByTestId("subscription-import-skipped")).toContainText(
    "Old Hulu：在 Wallos 中已停用",
  );
  // Nothing is stored by the preview.
  expect((await (await page.request.get("/api/v1/subscriptions")).json()).items).toEqual([]);

  // A plan billed every 2 weeks can be kept as weekly; its real cycle goes into the notes.
  await page.getByLabel(/在 Wallos 中按“Every 2 Weeks”计费/).selectOption("weekly");
  await expect(preview).toContainText("将添加（7）");
  await page.getByTestId("subscription-import-submit").click();
  await expect(page.getByTestId("subscription-import-done")).toContainText(
    "已添加：7。未导入：3。",
  );
  const kept = (await (await page.request.get("/api/v1/subscriptions?limit=100")).json()).items;
  expect(kept.map((s: { provider: string }) => s.provider).sort()).toEqual(
    [
      "Lawn care",
      "Mint Mobile",
      "Netflix",
      "Planet Fitness",
      "Spotify Family",
      "Xfinity Internet",
      "iCloud+",
    ].sort(),
  );
  const lawn = kept.find((s: { provider: string }) => s.provider === "Lawn care");
  expect(lawn).toMatchObject({ amount: 4000, currency: "USD", billingCycle: "weekly" });
  expect(lawn.notes).toContain("Billed in Wallos: Every 2 Weeks");
  await page.getByRole("link", { name: "查看我的订阅" }).click();
  await expect(page.getByRole("link", { name: "Xfinity Internet" }).first()).toBeVisible();

  await page.goto("/subscriptions/import");
  await ready(page);
  await page
    .getByLabel("导出文件")
    .setInputFiles(path.resolve("tests/fixtures/subscriptions/wallos-export.csv"));
  await expect(preview).toContainText("Wallos 导出文件，共 10 行。");
  // Now most of this user's subscriptions are in dollars: "$" is offered as USD.
  await expect(page.getByLabel(/以 \$ 标注的价格/)).toHaveValue("USD");
  await expect(page.getByTestId("subscription-import-skipped")).toContainText("已在你的订阅中");
  await expect(page.getByTestId("subscription-import-submit")).toBeDisabled();
});

// The README promises files up to 2 MiB; the server's door used to cut every
// non-upload body at 1 MiB, so a 1.5 MiB export was a 413 before the handler saw it.
test("the import takes a file of 1.5 MiB and refuses one past 2 MiB with 413", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const csv = (padding: number) =>
    Buffer.from(
      "provider,amount,currency,billingCycle\nNetflix,15.49,USD,monthly\n" + "\n".repeat(padding),
    );
  const post = (file: Buffer) =>
    request.post("/api/v1/subscriptions/import", {
      headers: auth,
      multipart: {
        dryRun: "true",
        file: { name: "subscriptions.csv", mimeType: "text/csv", buffer: file },
      },
    });
  const big = await post(csv(1.5 * 1024 * 1024));
  expect(big.status()).toBe(200);
  expect(await big.json()).toMatchObject({ dryRun: true, imported: [{ provider: "Netflix" }] });
  const tooBig = await post(csv(2 * 1024 * 1024 + 100 * 1024));
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error.code).toBe("payload_too_large");
});
