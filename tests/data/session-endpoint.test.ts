import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/session";
import { endSessionOfCookie, startSession } from "@/lib/data/sessions";
// eslint-disable-next-line no-restricted-imports -- log-out-everywhere is a sessionVersion bump, set directly
import { db } from "@/lib/db/client";
import { newUser } from "../support/fixtures";

// next-auth's /api/auth/session runs the jwt callback on the cookie's token
// and answers `{}` when it throws (the same as for no cookie). An ended
// session must not be answered with the name and email the cookie carries.
const jwt = authOptions.callbacks!.jwt!;
const tokenOf = (user: { id: string; email: string }, sid: string, sv = 0) => ({
  uid: user.id,
  sid,
  sv,
  name: "Ann Example",
  email: user.email,
});
const run = (token: ReturnType<typeof tokenOf>) =>
  jwt({ token, user: undefined as never, account: null });

describe("the session endpoint's token check", () => {
  it("passes a live session and refuses one ended by logout, by log-out-everywhere, or forged", async () => {
    const user = await newUser({ name: "Ann Example" });
    const sid = await startSession(user.id, "test browser");
    await expect(run(tokenOf(user, sid))).resolves.toMatchObject({ uid: user.id, sid });

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(run(tokenOf(user, sid))).rejects.toThrow("this session has ended");
    await expect(run(tokenOf(user, sid, 1))).resolves.toMatchObject({ sv: 1 });

    await endSessionOfCookie(sid, user.id);
    await expect(run(tokenOf(user, sid, 1))).rejects.toThrow("this session has ended");
    await expect(run({ ...tokenOf(user, sid, 1), sid: "made-up" })).rejects.toThrow();
  });
});
