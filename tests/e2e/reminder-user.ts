import { expect, type APIRequestContext } from "@playwright/test";
import { MOBILE_PLAN, PASSWORD, uniqueEmail } from "./helpers";

// A user whose reminders are due now. They live where it is about noon (an
// Etc/GMT zone) with a 23:00 digest while their cases are set up; moving the
// digest to 00:00 then makes the day due at once, with all of it.

/** A zone where it is now between 12:00 and 12:59, and the date there. */
function noonZone(): { zone: string; today: string } {
  const offset = 12 - new Date().getUTCHours(); // hours ahead of UTC
  const zone = offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  return { zone, today };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A user with a case whose follow-up is today and a plan renewing in 7 days. */
export async function userWithReminders(
  request: APIRequestContext,
  base: string,
  locale: "en" | "zh-CN",
  digestTime = "00:00",
  /** Runs before the digest time makes the day due (a channel to add, say). */
  setUp?: (headers: Record<string, string>) => Promise<void>,
) {
  const email = uniqueEmail(`remind-${locale}`).toLowerCase();
  const url = (path: string) => `${base}${path}`;
  const { zone, today } = noonZone();
  expect(
    (
      await request.post(url("/api/v1/auth/register"), {
        data: { email, password: PASSWORD, locale, timeZone: zone, name: "Ada" },
      })
    ).status(),
  ).toBe(201);
  const issued = await request.post(url("/api/v1/auth/token"), {
    data: { email, password: PASSWORD },
  });
  const headers = { Authorization: `Bearer ${(await issued.json()).token}` };
  const digestAt = (digestTime: string) =>
    request.patch(url("/api/v1/me/notifications"), { headers, data: { digestTime } });
  expect((await digestAt("23:00")).status()).toBe(200);
  const post = async (path: string, data: object) => {
    const response = await request.post(url(path), { headers, data });
    expect(response.status(), path).toBe(201);
    return response.json();
  };
  const sub = await post("/api/v1/subscriptions", { ...MOBILE_PLAN, nextRenewalOn: null });
  const kase = await post("/api/v1/cases", { subscriptionId: sub.id, reason: "cost" });
  const patched = await request.patch(url(`/api/v1/cases/${kase.id}`), {
    headers,
    data: { nextFollowUpOn: today, expectedVersion: 1 },
  });
  expect(patched.status()).toBe(200);
  const plan = await post("/api/v1/subscriptions", {
    ...MOBILE_PLAN,
    provider: "Hulu",
    category: "streaming",
    nextRenewalOn: addDays(today, 7),
  });
  await setUp?.(headers);
  // The digest time last: the day is planned from here on, all of it at once.
  const settings = await digestAt(digestTime);
  expect(settings.status(), await settings.text()).toBe(200);
  return { email, headers, kase, plan };
}
