import { describe, expect, it } from "vitest";
import {
  endSession,
  endSessionOfCookie,
  findSessionUser,
  listSessions,
  startSession,
} from "@/lib/data/sessions";
// eslint-disable-next-line no-restricted-imports -- a stale lastSeenAt, a retired locale and a new sessionVersion are set directly
import { db } from "@/lib/db/client";
import { newUser } from "../support/fixtures";

describe("sessions on a real SQLite file", () => {
  it("live as rows: listed per account, ended one at a time, and only by their owner", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const phone = await startSession(
      user.id,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1",
    );
    const laptop = await startSession(user.id, "Mozilla/5.0 (Windows NT 10.0) Chrome/156.0");
    expect((await listSessions(user)).map((s) => s.id).sort()).toEqual([phone, laptop].sort());
    expect(await listSessions(stranger)).toEqual([]);

    await expect(endSession(stranger, phone)).rejects.toMatchObject({ code: "not_found" });
    expect(await findSessionUser(phone, user.id, 0)).not.toBeNull();
    // Another account's id in the cookie does not pass for this session.
    expect(await findSessionUser(phone, stranger.id, 0)).toBeNull();

    await endSession(user, phone);
    expect(await findSessionUser(phone, user.id, 0)).toBeNull();
    expect(await findSessionUser(laptop, user.id, 0)).not.toBeNull();

    await endSessionOfCookie(laptop, user.id);
    expect(await findSessionUser(laptop, user.id, 0)).toBeNull();
    await endSessionOfCookie(laptop, user.id); // logging out twice is harmless
    expect(await listSessions(user)).toEqual([]);
  });

  it("bring the account along, typed, and end with a new sessionVersion", async () => {
    const user = await newUser();
    const id = await startSession(user.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/150.0");
    expect(await findSessionUser(id, user.id, 0)).toEqual({
      id: user.id,
      email: user.email,
      name: "",
      locale: "en",
      timeZone: "UTC",
      sessionVersion: 0,
      dataVersion: expect.any(Number),
    });
    // A locale the app no longer ships falls back rather than failing sign-in.
    await db.user.update({
      where: { id: user.id },
      data: { locale: "xx-retired", timeZone: "America/Los_Angeles" },
    });
    expect(await findSessionUser(id, user.id, 0)).toMatchObject({
      locale: "en",
      timeZone: "America/Los_Angeles",
    });
    // Last seen is written when it is older than the resolution, not on every request.
    const old = new Date(Date.now() - 60 * 60_000);
    await db.session.update({ where: { id }, data: { lastSeenAt: old } });
    await findSessionUser(id, user.id, 0);
    const seen = await db.session.findUniqueOrThrow({ where: { id } });
    expect(seen.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 50 * 60_000);
    // Log-out-everywhere moves sessionVersion on: the old cookie's version no longer passes.
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await findSessionUser(id, user.id, 0)).toBeNull();
    expect(await findSessionUser(id, user.id, 1)).toMatchObject({ sessionVersion: 1 });
  });
});
