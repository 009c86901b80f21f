import { expect, test } from "@playwright/test";
import { ready, registerInChinese } from "./helpers";

// Settings → Notifications in Chinese on the shared server, which has no SMTP.
test("notification settings: no-email notice, a digest inside quiet hours refused, saved settings kept, offline kept", async ({
  page,
  context,
}) => {
  await registerInChinese(page, "notify");
  await page.goto("/settings#notifications");
  await ready(page);
  const card = page.locator("#notifications");
  await expect(card.getByTestId("email-not-set-up")).toContainText("尚未开启邮件发送");
  await expect(card.getByLabel("发送时间")).toHaveValue("08:00");

  await card.getByLabel("免打扰时段：此时段内不发送").check();
  await card.getByLabel("开始").fill("07:00");
  await card.getByLabel("结束").fill("09:00");
  await card.getByRole("button", { name: "保存" }).click();
  await expect(card).toContainText("汇总时间在免打扰时段内");

  await card.getByLabel("发送时间").fill("09:30");
  await card.getByLabel("续费前几天提醒").fill("14，3, 1");
  await card.getByLabel("每条提醒单独发送").check();
  await card.getByRole("button", { name: "保存" }).click();
  await expect(card.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

  const settings = await (await page.request.get("/api/v1/me/notifications")).json();
  expect(settings).toMatchObject({
    delivery: "each",
    digestTime: "09:30",
    quietHours: { from: "07:00", to: "09:00" },
    reminders: { renewalDays: [14, 3, 1] },
    emailAvailable: false,
  });

  // Offline: the form keeps what was typed and says so; Retry saves it.
  await page.reload();
  await ready(page);
  await card.getByLabel("没有消息的天数").fill("9");
  await context.setOffline(true);
  await card.getByRole("button", { name: "保存" }).click();
  await expect(card.getByRole("alert").filter({ hasText: "离线" })).toBeVisible();
  await expect(card.getByLabel("没有消息的天数")).toHaveValue("9");
  await context.setOffline(false);
  await card.getByRole("button", { name: "重试" }).click();
  await expect(card.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  expect(
    (await (await page.request.get("/api/v1/me/notifications")).json()).reminders.reviewDays,
  ).toBe(9);

  // The list, empty yet, says what will come.
  await page.getByRole("link", { name: "查看已发送的提醒" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("通知");
  await expect(page.getByText("还没有提醒")).toBeVisible();
});
