import net from "node:net";
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { savePushSubscription } from "@/lib/data/push-subscriptions";
import { DEFAULT_PREFS } from "@/lib/domain/reminders";
import type { ClaimedReminder } from "@/lib/data/system/reminder-sends";
import type { PlanningUser } from "@/lib/data/system/reminders";
import { pushSender } from "@/lib/notifications/senders";
import { browserKeys } from "../support/push-service";
import { newUser } from "../support/fixtures";

// Issue 30, point 15: the push allow-list read the endpoint with the WHATWG
// parser, web-push sent with the legacy url.parse, and
// https://127.0.0.2;x.notify.windows.com/… passed the list and was sent to
// 127.0.0.2:443. A listener on that address counts the connections the
// scheduler's sender makes: there must be none.

let listener: net.Server;
let connections = 0;
// A loopback address of its own (all of 127/8 is loopback on Linux), so two
// runs on one machine do not meet on port 443.
const address = `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

beforeAll(async () => {
  // Vite sets BASE_URL to "/" in tests; the push message links to the app.
  process.env.BASE_URL = "http://localhost:3000";
  listener = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(443, address, resolve);
  });
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

describe("the push sender", () => {
  it("never connects where the legacy parser reads a host the allow-list did not", async () => {
    const user = await newUser();
    const endpoint = `https://${address};x.notify.windows.com/w/?token=abc`;
    // The allow-list (the first check) takes it: that was the hole.
    await savePushSubscription(user, {
      endpoint,
      keys: browserKeys().json,
      userAgent: "test",
    });
    const planning: PlanningUser = {
      id: user.id,
      email: user.email,
      name: "Test User",
      locale: "en",
      timeZone: "UTC",
      prefs: DEFAULT_PREFS,
      plannedOn: null,
      pushDevices: 1,
      channels: [],
    };
    const reminder: ClaimedReminder = {
      kind: "follow_up",
      targetId: "case-1",
      dueOn: "2027-01-05",
      eventOn: "2027-01-05",
      provider: "Mint Mobile",
      caseId: "case-1",
      subscriptionId: null,
      noteId: null,
      id: "reminder-1",
      channel: "push",
      createdAt: new Date(),
      attempts: 0,
    };
    await expect(pushSender(planning, [reminder], "2027-01-05")).rejects.toThrow(
      /push refused: url_invalid/,
    );
    expect(connections).toBe(0);
  });
});
