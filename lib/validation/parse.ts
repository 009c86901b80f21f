import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";

/** Parses input or throws a validation AppError whose fields hold message keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
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
