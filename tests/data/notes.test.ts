import { describe, expect, it } from "vitest";
import { openCase } from "@/lib/data/cases";
import { getCase } from "@/lib/data/case-record";
import { addNote, deleteNote, getNote, searchNotes, updateNote } from "@/lib/data/notes";
import { createSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";

async function userWithCase() {
  const user = await registerUser({
    email: `n${Math.random().toString(36).slice(2)}@example.com`,
    password: "notes keep the proof",
  });
  const sub = await createSubscription(user, {
    provider: "Xfinity",
    category: "internet",
    amount: 8000,
    currency: "USD",
    billingCycle: "monthly",
  });
  const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
  return { user, kase };
}

const call = {
  channel: "phone" as const,
  occurredAt: new Date("2026-11-20T17:05:00Z"),
  agent: "Dana R.",
  reference: "TCK-88231",
  durationMinutes: 42,
  summary: "Asked to cancel. Retention offered $20 off; declined.",
  outcome: "Cancellation filed",
};

describe("notes on a real SQLite file", () => {
  it("are added to a case, listed with it, and do not change its version", async () => {
    const { user, kase } = await userWithCase();
    const note = await addNote(user, kase.id, call, "2026-11-24");
    expect(note).toMatchObject({ ...call, caseId: kase.id, followUpOn: null });
    const detail = await getCase(user, kase.id);
    expect(detail.notes.map((n) => n.id)).toEqual([note.id]);
    expect(detail.version).toBe(kase.version);
  });

  it("carry a promised follow-up later than today to the case, and ignore earlier ones", async () => {
    const { user, kase } = await userWithCase();
    await addNote(user, kase.id, { ...call, followUpOn: "2026-11-20" }, "2026-11-24");
    expect((await getCase(user, kase.id)).nextFollowUpOn).toBeNull();
    const note = await addNote(user, kase.id, { ...call, followUpOn: "2026-11-28" }, "2026-11-24");
    expect((await getCase(user, kase.id)).nextFollowUpOn).toBe("2026-11-28");
    await updateNote(user, note.id, { followUpOn: "2026-12-02" }, "2026-11-24");
    const detail = await getCase(user, kase.id);
    expect(detail.nextFollowUpOn).toBe("2026-12-02");
    expect(detail.version).toBe(kase.version);
  });

  it("are found by text and by reference number, only among the user's own notes", async () => {
    const a = await userWithCase();
    const b = await userWithCase();
    await addNote(a.user, a.kase.id, call, "2026-11-24");
    await addNote(
      a.user,
      a.kase.id,
      { ...call, reference: "ZZ-1", summary: "Chat about the final bill" },
      "2026-11-24",
    );
    await addNote(b.user, b.kase.id, call, "2026-11-24");
    expect((await searchNotes(a.user, { q: "TCK-88231", limit: 10 })).items).toHaveLength(1);
    expect(
      (await searchNotes(a.user, { q: "final bill", limit: 10 })).items.map((n) => n.reference),
    ).toEqual(["ZZ-1"]);
    expect((await searchNotes(a.user, { q: "retention", limit: 10 })).items).toHaveLength(1); // case-insensitive
    expect(
      (await searchNotes(a.user, { q: "dana", limit: 10 })).items[0]?.case.subscription.provider,
    ).toBe("Xfinity");
    expect((await searchNotes(a.user, { q: "%", limit: 10 })).items).toHaveLength(0);
  });

  it("belong to their owner: another user cannot add, read, edit or delete them", async () => {
    const a = await userWithCase();
    const b = await userWithCase();
    const note = await addNote(a.user, a.kase.id, call, "2026-11-24");
    await expect(addNote(b.user, a.kase.id, call, "2026-11-24")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getNote(b.user, note.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateNote(b.user, note.id, { summary: "hijacked" }, "2026-11-24"),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteNote(b.user, note.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getNote(a.user, note.id)).summary).toBe(call.summary);
    await deleteNote(a.user, note.id);
    await expect(getNote(a.user, note.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
