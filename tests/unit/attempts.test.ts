import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FAILURE_REASONS,
  GENERIC_ORDER,
  nextChannels,
  type FailedAttempt,
} from "@/lib/domain/attempts";
import { NOTE_CHANNELS } from "@/lib/domain/notes";

describe("the next channel after a failed attempt", () => {
  it("suggests nothing before anything failed", () => {
    expect(nextChannels([], null)).toEqual([]);
  });

  it("follows a website without a cancel option with chat, then phone", () => {
    expect(nextChannels([{ channel: "website", reason: "no_cancel_option" }], null)).toEqual([
      "phone",
      "chat",
      "social",
      "mail",
      "store",
    ]);
  });

  it("follows an unanswered phone with chat, social media and mail", () => {
    expect(nextChannels([{ channel: "phone", reason: "no_answer" }], null)).toEqual([
      "chat",
      "social",
      "mail",
      "website",
      "store",
    ]);
  });

  it("never suggests a channel that already failed, whatever the reason", () => {
    const attempts: FailedAttempt[] = [
      { channel: "website", reason: "no_cancel_option" },
      { channel: "phone", reason: "no_answer" },
    ];
    expect(nextChannels(attempts, null)).toEqual(["chat", "social", "mail", "store"]);
  });

  it("asks for something in writing after a refusal", () => {
    expect(nextChannels([{ channel: "phone", reason: "refused_or_retention" }], null)[0]).toBe(
      "mail",
    );
  });

  it("keeps to the playbook's channels, reading its online as the website", () => {
    expect(
      nextChannels([{ channel: "chat", reason: "no_answer" }], ["online", "phone", "fax"]),
    ).toEqual(["phone", "website"]);
    expect(nextChannels([{ channel: "phone", reason: "no_answer" }], [])).toEqual([]);
  });

  it("suggests only channels that are known, offered and not failed (any attempts)", () => {
    const attempt = fc.record({
      channel: fc.constantFrom(...NOTE_CHANNELS),
      reason: fc.constantFrom(...FAILURE_REASONS),
    });
    fc.assert(
      fc.property(
        fc.array(attempt, { minLength: 1, maxLength: 6 }),
        fc.option(fc.subarray([...GENERIC_ORDER, "online"])),
        (attempts, available) => {
          const next = nextChannels(attempts, available);
          expect(new Set(next).size).toBe(next.length);
          for (const channel of next) {
            expect(attempts.some((a) => a.channel === channel)).toBe(false);
            if (available)
              expect(
                available.includes(channel) ||
                  (channel === "website" && available.includes("online")),
              ).toBe(true);
          }
          // Nothing that could be tried is left out.
          const untried = GENERIC_ORDER.filter(
            (c) =>
              !attempts.some((a) => a.channel === c) &&
              (available === null ||
                available.includes(c) ||
                (c === "website" && available.includes("online"))),
          );
          expect([...next].sort()).toEqual([...untried].sort());
        },
      ),
    );
  });
});
