import { describe, expect, it } from "vitest";
import { createSubscription, getSubscription, updateSubscription } from "@/lib/data/subscriptions";
import { MOBILE_PLAN, newUser } from "../support/fixtures";

// PATCH /api/v1/subscriptions/:id with {} changes nothing and answers the
// subscription; another user's id stays "not found" either way.
describe("an empty subscription patch", () => {
  it("answers the subscription unchanged, and someone else's as not found", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const created = await createSubscription(owner, MOBILE_PLAN);
    expect(await updateSubscription(owner, created.id, {})).toEqual(created);
    expect(await getSubscription(owner, created.id)).toEqual(created);
    await expect(updateSubscription(stranger, created.id, {})).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(updateSubscription(owner, "no-such-id", {})).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
