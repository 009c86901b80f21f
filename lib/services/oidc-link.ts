import "server-only";
import { withCurrentPasswordCheck, type ClientContext } from "@/lib/auth/credentials";
import { passwordLogin } from "@/lib/config";
import { otherWaysIn, unlinkOidcIdentity } from "@/lib/data/oidc-identities";
import { verifyCurrentPassword, type SessionUser } from "@/lib/data/users";
import { unlinkVerdict } from "@/lib/domain/oidc-unlink";
import { AppError } from "@/lib/errors/app-error";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";

/**
 * Settings → Single sign-on: unlinks one of the user's identities, refused
 * when it would leave the account no way in (lib/domain/oidc-unlink.ts), and
 * with the current password, checked under the sign-in throttle, when only
 * the password would be left.
 */
export async function unlinkOidc(
  user: Pick<SessionUser, "id" | "email">,
  input: { id: string; password?: string },
  client: ClientContext,
): Promise<void> {
  const verdict = unlinkVerdict({
    ...(await otherWaysIn(user, input.id)),
    passwordLogin: passwordLogin(),
  });
  if (verdict === "refused") {
    throw new AppError("unprocessable", "This is the only way into the account.", {
      formMessage: { key: "oidc.unlinkRefused" },
    });
  }
  if (verdict === "needs_password") {
    await withCurrentPasswordCheck(user, client, () =>
      verifyCurrentPassword(user, input.password ?? "", "password"),
    );
  }
  announceSecurityEvent(await unlinkOidcIdentity(user, input.id, { userAgent: client.userAgent }));
}
