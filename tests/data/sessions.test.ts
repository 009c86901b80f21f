import { describe, expect, it } from "vitest";
import {
  endSession,
  endSessionOfCookie,
  findSessionUser,
  listSessions,
  startSession,
} from "@/lib/data/sessions";
import { registerUser } from "@/lib/data/users";

async function newUser() {
  return registerUser({
    email: `s${Math.random().toString(36).slice(2)}@example.com`,
    password: "sessions are rows now",
  });
}

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
});
