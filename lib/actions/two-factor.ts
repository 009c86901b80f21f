"use server";

import { revalidatePath } from "next/cache";
import { requestClientContext } from "@/lib/auth/client-context";
import { qrCodeDataUrl } from "@/lib/documents/qr-code";
import { groupedSecret } from "@/lib/domain/totp";
import { confirmTotpEnrolment, startTotpEnrolment, turnOffTotp } from "@/lib/services/two-factor";
import { totpCodeSchema, totpEnrolSchema } from "@/lib/validation/auth";
import { formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

// Settings → Two-factor: the same three steps as /api/v1/me/totp.

const form =
  (names: string[]) =>
  ([, formData]: FormArgs): Record<string, unknown> =>
    formValues(formData, names);

/** A pending secret: its QR code (drawn here, on the server), the typed key and the URI. */
export const startTotpAction = userAction(
  totpEnrolSchema,
  async (user, { password }) => {
    const { secret, otpauthUri } = await startTotpEnrolment(
      user,
      password,
      await requestClientContext(),
    );
    return {
      status: "ok",
      data: {
        secret: groupedSecret(secret),
        otpauthUri,
        qr: await qrCodeDataUrl(otpauthUri),
      },
    };
  },
  { input: form(["password"]) },
);

/**
 * Two-factor on: the recovery codes come back once, one per line. The page
 * is refreshed by the form when the person has saved them, not here, so the
 * codes stay on screen.
 */
export const confirmTotpAction = userAction(
  totpCodeSchema,
  async (user, { code }) => {
    const codes = await confirmTotpEnrolment(user, code, await requestClientContext());
    return { status: "ok", data: { recoveryCodes: codes.join("\n") } };
  },
  { input: form(["code"]) },
);

export const disableTotpAction = userAction(
  totpCodeSchema,
  async (user, { code }) => {
    await turnOffTotp(user, code, await requestClientContext());
    revalidatePath("/settings");
    return { status: "ok", message: "twoFactor.turnedOff" };
  },
  { input: form(["code"]) },
);
