"use server";

import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/auth/client-address";
import { setUserLocale } from "@/lib/data/users";
import { isLocale } from "@/lib/domain/locales";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { registerAccount } from "@/lib/services/register-account";
import { confirmPasswordReset, requestPasswordReset } from "@/lib/services/reset-password";
import { formValues, toActionState, type ActionState } from "./result";

export async function registerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return toActionState(async () => {
    const input = formValues(formData, ["email", "password", "name", "locale", "timeZone"]);
    if (input.timeZone === "") delete input.timeZone;
    await registerAccount(input, clientAddress(await headers()));
    return { status: "ok" };
  });
}

/**
 * Remembers the language in a cookie and, when signed in, on the account.
 * The language buttons' form action (a plain form: it works before the page's
 * code has loaded, or without it); setting the cookie re-renders the page.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData instanceof FormData ? formData.get("locale") : null;
  if (!isLocale(locale)) return;
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: true,
  });
  const user = await getCurrentUser();
  if (user) await setUserLocale(user, locale);
}

/** "Forgot my password": the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return toActionState(async () => {
    await requestPasswordReset(formValues(formData, ["email"]), clientAddress(await headers()));
    return { status: "ok", message: "auth.resetSent" };
  });
}

export async function confirmPasswordResetAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return toActionState(async () => {
    const headerList = await headers();
    await confirmPasswordReset(
      formValues(formData, ["token", "password"]),
      clientAddress(headerList),
      headerList.get("user-agent"),
    );
    return { status: "ok" };
  });
}
