import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { preferencesSchema, registerSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

function fieldsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields;
  }
  throw new Error("expected a validation error");
}

describe("registration input", () => {
  it("normalises the email and keeps the password as typed", () => {
    const input = parseInput(registerSchema, {
      email: "  Ann@Example.COM ",
      password: "Correct Horse 9",
    });
    expect(input).toEqual({ email: "ann@example.com", password: "Correct Horse 9" });
  });

  it("names every bad field with a message key", () => {
    expect(
      fieldsOf(() => parseInput(registerSchema, { email: "nope", password: "short" })),
    ).toEqual({
      email: ["email_invalid"],
      password: ["password_too_short"],
    });
    expect(fieldsOf(() => parseInput(registerSchema, {}))).toEqual({
      email: ["email_required"],
      password: ["password_required"],
    });
    expect(fieldsOf(() => parseInput(registerSchema, { email: 42, password: ["x"] }))).toEqual({
      email: ["email_required"],
      password: ["password_required"],
    });
  });

  it("refuses a body that is not an object", () => {
    for (const body of [null, "text", 3, []]) {
      expect(() => parseInput(registerSchema, body)).toThrow(AppError);
    }
  });
});

describe("preferences input", () => {
  it("accepts IANA time zones and refuses anything else", () => {
    const base = { name: "Ann", locale: "zh-CN" };
    expect(
      parseInput(preferencesSchema, { ...base, timeZone: "America/Los_Angeles" }).timeZone,
    ).toBe("America/Los_Angeles");
    expect(
      fieldsOf(() => parseInput(preferencesSchema, { ...base, timeZone: "Mars/Olympus" })),
    ).toEqual({
      timeZone: ["time_zone_invalid"],
    });
    expect(
      fieldsOf(() => parseInput(preferencesSchema, { ...base, locale: "fr", timeZone: "UTC" })),
    ).toEqual({
      locale: ["locale_invalid"],
    });
  });
});
