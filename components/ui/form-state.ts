import type { ActionState } from "@/lib/actions/result";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The translated errors of one field of an action's result, with those of
 * its parts: a list field's bad item is "remindDaysBefore.1", shown under
 * the one input the list was typed in. Each message once.
 */
export function fieldErrors(t: Translate, state: ActionState, name: string): string[] | undefined {
  if (state.status !== "error" || !state.fields) return undefined;
  const keys = Object.entries(state.fields)
    .filter(([field]) => field === name || field.startsWith(`${name}.`))
    .flatMap(([, found]) => found);
  return keys.length ? [...new Set(keys)].map((key) => t(`errors.${key}`)) : undefined;
}

/** The translated form-level message, when there is one. */
export function formMessage(t: Translate, state: ActionState): string | null {
  if (state.status === "idle" || !state.message) return null;
  return t(state.message, state.status === "error" ? state.values : undefined);
}
