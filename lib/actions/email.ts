"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { requestClientContext } from "@/lib/auth/client-context";
import { isAppError } from "@/lib/errors/app-error";
import {
  followEmailLink,
  requestEmailChange,
  resendVerification,
} from "@/lib/services/email-verification";
import { emailChangeSchema } from "@/lib/validation/email-change";
import { formText, formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

// Settings → Email and the page a verification or change link lands on.

/** Settings' "resend the link" (throttled per account). */
export const resendVerificationAction = userAction(
  z.object({}),
  async (user) => {
    await resendVerification(user);
    return { status: "ok", message: "emailVerification.resent" };
  },
  { input: (_args: []) => ({}) },
);

/** A new address: mailed a link; the account moves only when it is followed. */
export const requestEmailChangeAction = userAction(
  emailChangeSchema,
  async (user, input) => {
    await requestEmailChange(user, input, await requestClientContext());
    revalidatePath("/settings");
    return { status: "ok", message: "emailVerification.changeSent" };
  },
  {
    input: ([, formData]: FormArgs): Record<string, unknown> =>
      formValues(formData, ["email", "currentPassword"]),
  },
);

/**
 * The link's button (opening the link changes nothing: mail scanners open
 * links). No session needed: the token is the proof. Works without script.
 */
export async function confirmEmailLinkAction(formData: FormData): Promise<void> {
  const headerList = await headers();
  let done: string;
  try {
    const outcome = await followEmailLink(
      { token: formText(formData, "token") },
      { address: clientAddress(headerList), userAgent: headerList.get("user-agent") },
    );
    done = outcome.purpose === "change" ? "changed" : "verified";
  } catch (error) {
    // A used, expired or unknown link, a taken address, too many tries: the page says so.
    if (!isAppError(error)) throw error;
    done = error.code === "email_taken" ? "taken" : "failed";
  }
  redirect(`/verify-email?done=${done}`);
}
