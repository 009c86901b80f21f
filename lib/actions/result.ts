import { asAppError, type FieldErrors } from "@/lib/errors/app-error";

/** What a form's server action returns; message and field errors are message keys. */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string; data?: Record<string, string> }
  | {
      status: "error";
      message: string;
      values?: Record<string, string | number>;
      fields?: FieldErrors;
      /** Set in the browser when the request itself failed: the form offers Retry. */
      retryable?: boolean;
    };

export const IDLE: ActionState = { status: "idle" };

const FORM_MESSAGES: Partial<Record<string, string>> = {
  rate_limited: "auth.rateLimited",
  registration_closed: "auth.registrationClosed",
  unauthorized: "auth.sessionEnded",
  not_found: "common.notFound",
  busy: "common.busy",
};

/** Runs an action body and turns a known AppError into a form state. */
export async function toActionState(body: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await body();
  } catch (caught) {
    const error = asAppError(caught);
    if (!error) throw caught;
    return {
      status: "error",
      message:
        error.formMessage?.key ??
        FORM_MESSAGES[error.code] ??
        (error.fields ? "" : "common.unexpectedError"),
      ...(error.details ? { values: { ...error.details } } : {}),
      fields: error.fields,
    };
  }
}

// An action's arguments come off the wire: a caller can send anything where
// the form sent FormData, so a missing form reads as an empty one.
function field(formData: FormData, name: string): FormDataEntryValue | undefined {
  return formData instanceof FormData ? (formData.get(name) ?? undefined) : undefined;
}

export function formValues(formData: FormData, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, field(formData, name)]));
}

/** One text field of a submitted form; files and missing fields are undefined. */
export function formText(formData: FormData, name: string): string | undefined {
  const value = field(formData, name);
  return typeof value === "string" ? value : undefined;
}
