import "server-only";
import { passwordLogin } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";

/**
 * PASSWORD_LOGIN=false (single sign-on only): every way a password signs in
 * or is set from outside (the login form, POST /api/v1/auth/token with a
 * password, sign-up, password reset) is refused with 403
 * `password_login_off`, before anything is read or counted.
 */
export function requirePasswordLogin(): void {
  if (passwordLogin()) return;
  throw new AppError(
    "password_login_off",
    "Passwords are turned off on this server; use single sign-on.",
    {
      formMessage: { key: "oidc.passwordsOff" },
    },
  );
}
