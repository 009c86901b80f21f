import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { addNote, deleteNote } from "@/lib/data/notes";
import { findSessionUser, startSession } from "@/lib/data/sessions";
import { deleteSubscription, updateSubscription } from "@/lib/data/subscriptions";
import { deleteAccount, updatePreferences } from "@/lib/data/users";
// eslint-disable-next-line no-restricted-imports -- createMany, updateMany and a row moved to another user are written directly: the triggers are under test, not a data function
import { db } from "@/lib/db/client";
// eslint-disable-next-line no-restricted-imports -- the generated client's model metadata is the list of tables that need triggers
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENTS, triggerName, userOwnedModels } from "@/scripts/data-version-triggers.mjs";
import { listTriggersForTests, readDataVersionForTests } from "../support/db-inspect";
import { newCase, newUser } from "../support/fixtures";

// User.dataVersion is bumped by the database on every write to a row a user
// owns (docs/decisions/027-data-version.md). The page cache keys on it, so a
// table without its triggers would serve a page that outlived a write.

/** Every model whose generated scalar fields include userId: the tables a user owns. */
function modelsWithUserId(): string[] {
  const namespace = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.values(Prisma.ModelName).filter(
    (model) => namespace[`${model}ScalarFieldEnum`]?.userId === "userId",
  );
}

const version = async (userId: string) => (await readDataVersionForTests(userId))!;

const today = "2026-12-06";

function note(summary: string) {
  return { channel: "phone" as const, occurredAt: new Date("2026-12-01T10:00:00Z"), summary };
}

describe("the data version's triggers", () => {
  it("exist for every table with a userId, on every write", async () => {
    const models = modelsWithUserId();
    expect(models.length).toBeGreaterThan(20);
    const present = new Set(
      (await listTriggersForTests()).map(({ table, name }) => `${table}.${name}`),
    );
    const missing = models.flatMap((table) =>
      EVENTS.filter((event) => !present.has(`${table}.${triggerName(table, event)}`)).map(
        (event) => `${table} (${event})`,
      ),
    );
    expect(
      missing,
      `these tables have a userId but no data-version trigger, so a cached page would outlive ` +
        `their writes: add \`node scripts/data-version-triggers.mjs sqlite <Table>\` to the ` +
        `SQLite migration and \`… postgres <Table>\` to the PostgreSQL one (decision 027)`,
    ).toEqual([]);
    expect(present, "the User row's own trigger").toContain(
      `User.${triggerName("User", "update")}`,
    );
  });

  it("are written for the same tables the generator finds in prisma/schema.prisma", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    expect(userOwnedModels(schema).sort()).toEqual(modelsWithUserId().sort());
  });
});

describe("the data version", () => {
  it("moves on an insert, an update and a delete, and comes with the session lookup", async () => {
    const user = await newUser();
    const sessionId = await startSession(user.id, "test");
    const start = await version(user.id);
    expect((await findSessionUser(sessionId, user.id, 0))?.dataVersion).toBe(start);

    const { sub, kase } = await newCase(user);
    const afterInsert = await version(user.id);
    expect(afterInsert).toBeGreaterThan(start);

    await updateSubscription(user, sub.id, { plan: "Unlimited" });
    const afterUpdate = await version(user.id);
    expect(afterUpdate).toBeGreaterThan(afterInsert);

    const added = await addNote(user, kase.id, note("called"), today);
    const afterNote = await version(user.id);
    expect(afterNote).toBeGreaterThan(afterUpdate);
    await deleteNote(user, added.id);
    const afterDelete = await version(user.id);
    expect(afterDelete).toBeGreaterThan(afterNote);

    expect((await findSessionUser(sessionId, user.id, 0))?.dataVersion).toBe(afterDelete);
  });

  it("moves on a write to the User row itself, once", async () => {
    const user = await newUser();
    const before = await version(user.id);
    await updatePreferences(user, { name: "Ann", locale: "zh-CN", timeZone: "Asia/Shanghai" });
    expect(await version(user.id)).toBe(before + 1);
  });

  it("moves on createMany and updateMany", async () => {
    const user = await newUser();
    const { kase } = await newCase(user);
    const before = await version(user.id);
    await db.note.createMany({
      data: ["a", "b", "c"].map((summary) => ({
        ...note(summary),
        userId: user.id,
        caseId: kase.id,
      })),
    });
    const afterCreate = await version(user.id);
    expect(afterCreate).toBeGreaterThan(before);
    await db.note.updateMany({ where: { caseId: kase.id }, data: { outcome: "no answer" } });
    expect(await version(user.id)).toBeGreaterThan(afterCreate);
  });

  it("moves for the rows a cascade deletes, not only for the row deleted", async () => {
    /** How far deleting a subscription with an open case moves the version. */
    async function bumpOfDeleting(notes: number) {
      const user = await newUser();
      const { sub, kase } = await newCase(user);
      for (let i = 0; i < notes; i++) await addNote(user, kase.id, note(`call ${i}`), today);
      const before = await version(user.id);
      await deleteSubscription(user, sub.id);
      expect(await db.note.count({ where: { userId: user.id } })).toBe(0);
      return (await version(user.id)) - before;
    }
    // The same delete, once with notes under the case: the notes' own
    // triggers, fired by the cascade, are the difference.
    expect(await bumpOfDeleting(2)).toBeGreaterThan(await bumpOfDeleting(0));
  });

  it("does not move when another user writes", async () => {
    const user = await newUser();
    const other = await newUser();
    const { kase } = await newCase(other);
    const before = await version(user.id);
    await addNote(other, kase.id, note("someone else's call"), today);
    await db.note.updateMany({ where: { userId: other.id }, data: { outcome: "done" } });
    expect(await version(user.id)).toBe(before);
  });

  it("moves for both users when a row moves from one to the other", async () => {
    const [from, to] = [await newUser(), await newUser()];
    const channel = await db.channel.create({
      data: { userId: from.id, kind: "ntfy", name: "Phone", target: "https://ntfy.example" },
      select: { id: true },
    });
    const [fromBefore, toBefore] = [await version(from.id), await version(to.id)];
    await db.channel.update({ where: { id: channel.id }, data: { userId: to.id } });
    expect(await version(from.id)).toBeGreaterThan(fromBefore);
    expect(await version(to.id)).toBeGreaterThan(toBefore);
  });

  it("lets an account with cases, notes and sessions be deleted", async () => {
    const password = "a deleted account's passphrase";
    const user = await newUser({ password });
    const { kase } = await newCase(user);
    await addNote(user, kase.id, note("called"), today);
    await startSession(user.id, "test");
    await deleteAccount(user, { password, confirmEmail: user.email });
    expect(await readDataVersionForTests(user.id)).toBeNull();
  });
});
