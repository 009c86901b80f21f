import type { ActionState } from "@/lib/actions/result";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The translated errors of one field of an action's result. */
export function fieldErrors(t: Translate, state: ActionState, name: string): string[] | undefined {
  if (state.status !== "error") return undefined;
  return state.fields?.[name]?.map((key) => t(`errors.${key}`));
}

/** The translated form-level message, when there is one. */
export function formMessage(t: Translate, state: ActionState): string | null {
  if (state.status === "idle" || !state.message) return null;
  return t(state.message, state.status === "error" ? state.values : undefined);
}
