import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { orFirstPage } from "@/lib/http/or-first-page";

// The list pages (cases, notifications) read the page a link names; a stale
// cursor starts the list again instead of showing an error page.

describe("orFirstPage", () => {
  it("reads the page the cursor names", async () => {
    const read = vi.fn(async (cursor: string | undefined) => `page after ${cursor}`);
    await expect(orFirstPage(read, "abc")).resolves.toBe("page after abc");
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("starts again from the first page when the cursor is refused", async () => {
    const read = vi.fn(async (cursor: string | undefined) => {
      if (cursor) throw new AppError("validation_failed", "bad cursor");
      return "first page";
    });
    await expect(orFirstPage(read, "stale")).resolves.toBe("first page");
    expect(read.mock.calls).toEqual([["stale"], [undefined]]);
  });

  it("passes on any other error", async () => {
    const read = vi.fn(async () => {
      throw new AppError("busy", "try again");
    });
    await expect(orFirstPage(read, "abc")).rejects.toMatchObject({ code: "busy" });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("does not read twice when there was no cursor to blame", async () => {
    const read = vi.fn(async () => {
      throw new AppError("validation_failed", "refused");
    });
    await expect(orFirstPage(read, undefined)).rejects.toMatchObject({ code: "validation_failed" });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("cuts a cursor longer than any it hands out", async () => {
    const read = vi.fn(async (cursor: string | undefined) => cursor?.length);
    await expect(orFirstPage(read, "x".repeat(500))).resolves.toBe(200);
  });
});
