import "server-only";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/data/users";
import { parseInput } from "@/lib/validation/parse";
import { toActionState, type ActionState } from "./result";

/** A form's action arguments: the previous state and the submitted form. */
export type FormArgs = [prev: ActionState, formData: FormData];

type Options<A extends unknown[]> = {
  /**
   * The action's arguments as the object the schema reads. They come off the
   * wire, so this only picks fields; the schema decides what they are worth.
   * The user is given for what depends on them (a form's clock time means
   * the user's time zone).
   */
  input: (args: A, user: SessionUser) => unknown;
  /** Runs whatever the outcome: a refused form still gets the page as it is now. */
  always?: (args: NoInfer<A>) => void;
};

/**
 * The one shape of a signed-in action: the session is checked before
 * anything is read (an anonymous or revoked caller is sent to log in), the
 * arguments are parsed, `fn` makes its one call, and a known AppError becomes
 * the form's message. Revalidate inside `fn` for what only success changes.
 */
export function userAction<S extends z.ZodType, A extends unknown[]>(
  schema: S,
  fn: (user: SessionUser, input: z.output<S>) => Promise<ActionState>,
  { input, always }: Options<A>,
): (...args: A) => Promise<ActionState> {
  return async (...args: A) => {
    const user = await requireUser();
    try {
      return await toActionState(() => fn(user, parseInput(schema, input(args, user))));
    } finally {
      always?.(args);
    }
  };
}
