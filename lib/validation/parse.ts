import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Where the input holds a string that is not well-formed UTF-16 (a lone
 * surrogate such as "\ud800", which JSON and a server action's arguments can
 * carry): such a string cannot become UTF-8, so Prisma and argon2 fail on it
 * with a 500. Paths as parseInput names fields ("_" for the root); keys are
 * checked as well as values. The input is what a bounded body decoded to;
 * the walk stops at the first few findings and never visits an object twice.
 */
export function malformedTextPaths(input: unknown, most = 10): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  const name = (path: string[]) => (path.length > 0 ? path.join(".") : "_");
  while (stack.length > 0 && found.length < most) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (!value.isWellFormed()) found.push(name(path));
      continue;
    }
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, String(i)] }));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (!key.isWellFormed()) found.push(name([...path, key.toWellFormed()]));
        else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}

/** Parses input or throws a validation AppError whose fields hold message keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const malformed = malformedTextPaths(input);
  if (malformed.length > 0) {
    throw new AppError("validation_failed", "The request has text that is not valid Unicode.", {
      fields: Object.fromEntries(malformed.map((path) => [path, ["text_malformed"]])),
    });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    // A body that is not an object at all fails at the root, where zod's own
    // English would show through; say it in our words.
    const message =
      issue.code === "unrecognized_keys"
        ? "unknown_field"
        : issue.path.length === 0
          ? "body_invalid"
          : issue.message;
    (fields[key] ??= []).push(message);
  }
  throw new AppError("validation_failed", "The request has invalid fields.", { fields });
}
