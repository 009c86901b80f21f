import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pageSessionOf } from "@/lib/auth/page-session";
import { endSession, startSession } from "@/lib/data/sessions";
import { createSubscription } from "@/lib/data/subscriptions";
import { MOBILE_PLAN, newUser } from "../support/fixtures";

// Issue 37: the signed-in page cache keys a page by what this function reads
// from the cookie and the database. It must refuse every cookie a page
// would refuse, and its data version must move with any write to the user's
// rows (decision 027), and only theirs.

const SECRET = "a test secret of the session cookie, long enough";

beforeAll(() => vi.stubEnv("NEXTAUTH_SECRET", SECRET));
afterAll(() => vi.unstubAllEnvs());

async function signedIn(timeZone = "Asia/Shanghai") {
  const user = await newUser({ timeZone });
  const sid = await startSession(user.id, "Test Browser/1.0");
  const jwt = await encode({ token: { uid: user.id, sid, sv: 0 }, secret: SECRET });
  return { user, sid, cookie: `theme=dark; next-auth.session-token=${jwt}; other=1` };
}

describe("pageSessionOf", () => {
  it("reads the session, the user's day in their zone and their data version", async () => {
    const { user, sid, cookie } = await signedIn();
    const session = await pageSessionOf(cookie, new Date("2026-12-06T20:00:00Z"));
    expect(session).toMatchObject({
      sessionId: sid,
      userId: user.id,
      locale: "en",
      day: "2026-12-07", // 04:00 the next day in Shanghai
    });
    expect(typeof session!.dataVersion).toBe("number");
  });

  it("moves the version on the user's own writes only", async () => {
    const a = await signedIn();
    const b = await signedIn();
    const before = (await pageSessionOf(a.cookie))!.dataVersion;
    await createSubscription(b.user, MOBILE_PLAN);
    expect((await pageSessionOf(a.cookie))!.dataVersion).toBe(before);
    await createSubscription(a.user, MOBILE_PLAN);
    expect((await pageSessionOf(a.cookie))!.dataVersion).toBeGreaterThan(before);
  });

  it("refuses what a page refuses: no cookie, a forged one, another secret, an ended session", async () => {
    const { user, sid, cookie } = await signedIn();
    expect(await pageSessionOf("")).toBeNull();
    expect(await pageSessionOf("next-auth.session-token=not-a-jwt")).toBeNull();
    const otherSecret = await encode({
      token: { uid: user.id, sid, sv: 0 },
      secret: "another secret entirely, also long enough",
    });
    expect(await pageSessionOf(`next-auth.session-token=${otherSecret}`)).toBeNull();
    const staleVersion = await encode({ token: { uid: user.id, sid, sv: 1 }, secret: SECRET });
    expect(await pageSessionOf(`next-auth.session-token=${staleVersion}`)).toBeNull();
    const someoneElse = await signedIn();
    const mixed = await encode({
      token: { uid: someoneElse.user.id, sid, sv: 0 },
      secret: SECRET,
    });
    expect(await pageSessionOf(`next-auth.session-token=${mixed}`)).toBeNull();
    await endSession(user, sid);
    expect(await pageSessionOf(cookie)).toBeNull();
  });
});
