import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

// userAction's order: the session first (a signed-out caller is sent away
// before anything is read), then the parse, then the one call; a known error
// becomes the form's state, and `always` runs whatever the outcome.

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new Error("NEXT_REDIRECT /login");
    return session.user;
  },
}));

const { userAction } = await import("@/lib/actions/user-action");

const schema = z.object({ name: z.string({ error: "name_required" }).min(1) });

describe("userAction", () => {
  beforeEach(() => {
    session.user = { id: "u1" };
  });

  it("sends a signed-out caller away before reading the arguments", async () => {
    session.user = null;
    const input = vi.fn(() => ({ name: "x" }));
    const action = userAction(schema, async () => ({ status: "ok" }), { input });
    await expect(action("x")).rejects.toThrow("NEXT_REDIRECT");
    expect(input).not.toHaveBeenCalled();
  });

  it("parses, calls once with the user, and runs `always` after a refusal too", async () => {
    const fn = vi.fn(async (user: { id: string }, { name }: { name: string }) => ({
      status: "ok" as const,
      data: { who: `${user.id}:${name}` },
    }));
    const always = vi.fn();
    const action = userAction(schema, fn, { input: ([name]: [string]) => ({ name }), always });
    expect(await action("Ada")).toEqual({ status: "ok", data: { who: "u1:Ada" } });
    expect(await action("")).toMatchObject({
      status: "error",
      fields: { name: expect.any(Array) },
    });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(always).toHaveBeenCalledTimes(2);
  });

  it("turns a known error into the form's message and lets any other error through", async () => {
    const stale = userAction(
      schema,
      async () => {
        throw new AppError("conflict", "stale", { formMessage: { key: "errors.stale" } });
      },
      { input: () => ({ name: "x" }) },
    );
    expect(await stale()).toMatchObject({ status: "error", message: "errors.stale" });
    const broken = userAction(
      schema,
      async () => {
        throw new Error("a bug");
      },
      { input: () => ({ name: "x" }) },
    );
    await expect(broken()).rejects.toThrow("a bug");
  });
});
