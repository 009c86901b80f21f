import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/data/users";
import { todayIn, addDays } from "@/lib/domain/dates";
import type { CorrectionsFile } from "@/lib/validation/playbook-corrections";

// "This is out of date" on a playbook's fact: a user's correction is theirs
// alone, an operator's shows to everyone, the account's limit is counted
// before anything is written, and a shared file is imported whole or not at
// all. The library is the test fixtures (example-mobile, example-stream).

process.env.PLAYBOOK_DIR = "tests/fixtures/playbooks";

let data: typeof import("@/lib/data/playbook-corrections");
let share: typeof import("@/lib/services/share-playbook-corrections");

beforeAll(async () => {
  data = await import("@/lib/data/playbook-corrections");
  share = await import("@/lib/services/share-playbook-corrections");
});

afterEach(() => {
  delete process.env.OPERATOR_EMAILS;
  delete process.env.CANCELCASE_TEST_PLAYBOOK_CORRECTIONS_PER_USER_MAX;
});

async function person(prefix = "p") {
  const user = await registerUser({
    email: `${prefix}${Math.random().toString(36).slice(2)}@example.com`,
    password: "corrections are dated",
  });
  return { ...user, timeZone: "America/Los_Angeles" };
}

const outdated = {
  factPath: "portOut",
  note: "The transfer PIN is now valid for 3 days, not 7.",
  sourceUrl: "https://help.example.com/port-out",
  everyone: false,
};

describe("playbook corrections", () => {
  it("keep a user's correction to that user, dated today in their zone", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const added = await data.addCorrection(alice, "example-mobile", outdated);
    expect(added).toMatchObject({
      playbookSlug: "example-mobile",
      factPath: "portOut",
      note: outdated.note,
      sourceUrl: outdated.sourceUrl,
      checkedOn: todayIn("America/Los_Angeles"),
      everyone: false,
      mine: true,
    });
    expect((await data.listCorrections(alice, "example-mobile")).map((c) => c.id)).toEqual([
      added.id,
    ]);
    expect(await data.listCorrections(bob, "example-mobile")).toEqual([]);
    await expect(data.deleteCorrection(bob, "example-mobile", added.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await data.deleteCorrection(alice, "example-mobile", added.id);
    expect(await data.listCorrections(alice, "example-mobile")).toEqual([]);
  });

  it("name a real fact of a real playbook, checked no later than today", async () => {
    const user = await person();
    await expect(data.addCorrection(user, "no-such-provider", outdated)).rejects.toMatchObject({
      code: "not_found",
    });
    for (const factPath of ["channels.9", "callScript", "fees", "steps.withdrawn"]) {
      await expect(
        data.addCorrection(user, "example-mobile", { ...outdated, factPath }),
      ).rejects.toMatchObject({ code: "unprocessable", fields: { factPath: ["fact_unknown"] } });
    }
    await expect(
      data.addCorrection(user, "example-mobile", {
        ...outdated,
        checkedOn: addDays(todayIn("Pacific/Kiritimati"), 1),
      }),
    ).rejects.toMatchObject({ code: "date_in_future" });
    expect(await data.listCorrections(user, "example-mobile")).toEqual([]);
  });

  it("count the account's limit before writing", async () => {
    process.env.CANCELCASE_TEST_PLAYBOOK_CORRECTIONS_PER_USER_MAX = "2";
    const user = await person();
    await data.addCorrection(user, "example-mobile", outdated);
    await data.addCorrection(user, "example-mobile", { ...outdated, factPath: "refunds" });
    await expect(
      data.addCorrection(user, "example-mobile", { ...outdated, factPath: "channels.0" }),
    ).rejects.toMatchObject({ code: "limit_reached", details: { limit: 2 } });
    expect(await data.listCorrections(user, "example-mobile")).toHaveLength(2);
  });

  it("travel as a file: exported, imported whole on another account, once", async () => {
    const author = await person("author");
    const reader = await person("reader");
    await data.addCorrection(author, "example-mobile", { ...outdated, checkedOn: "2026-11-30" });
    const file = await share.exportCorrectionsFile(author, true);
    expect(file.corrections).toEqual([
      {
        playbookSlug: "example-mobile",
        factPath: "portOut",
        note: outdated.note,
        sourceUrl: outdated.sourceUrl,
        checkedOn: "2026-11-30",
      },
    ]);
    expect(file.playbooks?.map((p) => (p as { slug: string }).slug).sort()).toEqual([
      "example-mobile",
      "example-stream",
    ]);
    const first = await share.importCorrectionsFile(reader, file, false);
    expect(first).toMatchObject({ added: 1, duplicates: 0 });
    expect(first.playbooks).toEqual({
      same: ["example-mobile", "example-stream"],
      differ: [],
      unknown: [],
      invalid: [],
    });
    expect(await share.importCorrectionsFile(reader, file, false)).toMatchObject({
      added: 0,
      duplicates: 1,
    });
    expect(await data.listCorrections(reader, "example-mobile")).toHaveLength(1);
  });

  it("import nothing when one correction of a file is wrong, or the file would pass the limit", async () => {
    const user = await person();
    const good = {
      playbookSlug: "example-mobile",
      factPath: "refunds",
      note: "Refunds are now prorated.",
      sourceUrl: null,
      checkedOn: "2026-12-01",
    };
    const file: CorrectionsFile = {
      format: "cancelcase-playbook-corrections",
      version: 1,
      corrections: [good, { ...good, factPath: "portOut.pinHow" }],
    };
    await expect(share.importCorrectionsFile(user, file, false)).rejects.toMatchObject({
      code: "unprocessable",
      details: { row: 2 },
    });
    process.env.CANCELCASE_TEST_PLAYBOOK_CORRECTIONS_PER_USER_MAX = "1";
    await expect(
      share.importCorrectionsFile(
        user,
        { ...file, corrections: [good, { ...good, factPath: "portOut" }] },
        false,
      ),
    ).rejects.toMatchObject({ code: "limit_reached" });
    expect(await data.listCorrections(user, "example-mobile")).toEqual([]);
  });

  it("report a shared playbook that differs, is unknown or is invalid, and apply none", async () => {
    const user = await person();
    const { playbooks } = await share.exportCorrectionsFile(user, true);
    const mobile = structuredClone(playbooks![0]) as Record<string, unknown>;
    const changed = { ...mobile, difficulty: 5 };
    const unknown = { ...mobile, slug: "new-carrier", name: "New Carrier", aliases: [] };
    const broken = { ...mobile, sources: [] };
    const result = await share.importCorrectionsFile(
      user,
      {
        format: "cancelcase-playbook-corrections",
        version: 1,
        corrections: [],
        playbooks: [changed, unknown, broken, "not a playbook"],
      },
      false,
    );
    expect(result.playbooks.differ).toEqual(["example-mobile"]);
    expect(result.playbooks.unknown).toEqual(["new-carrier"]);
    expect(result.playbooks.invalid.map((i) => i.index)).toEqual([2, 3]);
    const { getPlaybook } = await import("@/lib/playbooks/library");
    expect(getPlaybook("example-mobile")!.difficulty).not.toBe(5);
    expect(getPlaybook("new-carrier")).toBeNull();
  });
  // Last: an operator's correction shows to every account from here on.
  it("show an operator's correction to everyone, and refuse 'everyone' from anyone else", async () => {
    const operator = await person("op");
    const someone = await person("someone");
    process.env.OPERATOR_EMAILS = `other@example.com, ${operator.email.toUpperCase()}`;
    await expect(
      data.addCorrection(someone, "example-mobile", { ...outdated, everyone: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const shared = await data.addCorrection(operator, "example-mobile", {
      ...outdated,
      factPath: "channels.1",
      everyone: true,
    });
    expect(await data.listCorrections(someone, "example-mobile")).toEqual([
      { ...shared, mine: false },
    ]);
  });
});
