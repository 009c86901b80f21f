"use server";

import { revalidatePath } from "next/cache";
import { requestClientContext } from "@/lib/auth/client-context";
import { unlinkOidc } from "@/lib/services/oidc-link";
import { unlinkOidcSchema } from "@/lib/validation/oidc";
import { formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

// Settings → Single sign-on. Linking is a browser round trip through the
// provider (GET /api/auth/oidc/start while signed in), not an action.

export const unlinkOidcAction = userAction(
  unlinkOidcSchema,
  async (user, input) => {
    await unlinkOidc(user, input, await requestClientContext());
    revalidatePath("/settings");
    return { status: "ok", message: "oidc.unlinked" };
  },
  { input: ([, formData]: FormArgs) => formValues(formData, ["id", "password"]) },
);
