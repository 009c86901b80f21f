import { beforeAll, describe, expect, it } from "vitest";
import { importSubscriptions } from "@/lib/data/subscription-imports";
import {
  createSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscription,
} from "@/lib/data/subscriptions";
import { newUser } from "../support/fixtures";

// A subscription's playbookSlug (issue 33): set from the provider's name on
// create when a playbook matches, chosen or cleared by hand, and never a
// slug the library does not hold. The library here is the test fixtures'.
beforeAll(() => {
  process.env.PLAYBOOK_DIR = "tests/fixtures/playbooks";
});

const plan = (provider: string) =>
  ({
    provider,
    category: "mobile",
    amount: 2500,
    currency: "USD",
    billingCycle: "monthly",
  }) as const;

describe("a subscription's playbook", () => {
  it("comes from the provider's name on create, when one matches", async () => {
    const user = await newUser();
    expect((await createSubscription(user, plan("Example Mobile"))).playbookSlug).toBe(
      "example-mobile",
    );
    expect((await createSubscription(user, plan("example mobile unlimited"))).playbookSlug).toBe(
      "example-mobile",
    );
    expect((await createSubscription(user, plan("Corner Gym"))).playbookSlug).toBeNull();
  });

  it("is what the create asks for instead, a playbook or none", async () => {
    const user = await newUser();
    const chosen = await createSubscription(user, {
      ...plan("Example Mobile"),
      playbookSlug: "example-stream",
    });
    expect(chosen.playbookSlug).toBe("example-stream");
    const none = await createSubscription(user, { ...plan("Example Mobile"), playbookSlug: null });
    expect(none.playbookSlug).toBeNull();
    expect((await getSubscription(user, none.id)).playbookSlug).toBeNull();
  });

  it("refuses a slug the library does not hold, and creates nothing", async () => {
    const user = await newUser();
    for (const playbookSlug of [
      "no-such-provider",
      "../playbooks/example-mobile",
      "Example-Mobile",
    ]) {
      await expect(
        createSubscription(user, { ...plan("Example Mobile"), playbookSlug }),
      ).rejects.toMatchObject({
        code: "unprocessable",
        fields: { playbookSlug: ["playbook_unknown"] },
      });
    }
    expect((await listSubscriptions(user, { limit: 10 })).items).toEqual([]);
  });

  it("is changed and cleared by a patch; an unknown one changes nothing", async () => {
    const user = await newUser();
    const created = await createSubscription(user, plan("Example Mobile"));
    expect(
      (await updateSubscription(user, created.id, { playbookSlug: "example-stream" })).playbookSlug,
    ).toBe("example-stream");
    await expect(
      updateSubscription(user, created.id, { playbookSlug: "nope", plan: "changed" }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const kept = await getSubscription(user, created.id);
    expect(kept).toMatchObject({ playbookSlug: "example-stream", plan: null });
    // A renamed provider keeps the playbook chosen: only a create guesses.
    expect(
      (await updateSubscription(user, created.id, { provider: "Corner Gym" })).playbookSlug,
    ).toBe("example-stream");
    expect(
      (await updateSubscription(user, created.id, { playbookSlug: null })).playbookSlug,
    ).toBeNull();
  });

  it("comes from the provider's name in an import", async () => {
    const user = await newUser();
    const row = {
      category: "mobile",
      plan: null,
      amount: 1500,
      currency: "USD",
      billingCycle: "monthly",
      nextRenewalOn: null,
      paymentMethod: null,
      autoRenew: true,
      cancelUrl: null,
      notes: null,
      trialEndsOn: null,
    } as const;
    await importSubscriptions(user, [
      { ...row, provider: "ExampleStream" },
      { ...row, provider: "Corner Gym" },
    ]);
    const items = (await listSubscriptions(user, { limit: 10 })).items;
    expect(Object.fromEntries(items.map((s) => [s.provider, s.playbookSlug]))).toEqual({
      ExampleStream: "example-stream",
      "Corner Gym": null,
    });
  });
});
