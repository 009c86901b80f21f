import { NextResponse } from "next/server";
import { requestClientContext } from "@/lib/auth/client-context";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { confirmTotpEnrolment } from "@/lib/services/two-factor";
import { totpCodeSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

/** A code of the pending secret turns two-factor on; the ten recovery codes are shown this once. */
export const POST = apiRoute(async ({ request, user }) => {
  const { code } = parseInput(totpCodeSchema, await readJson(request));
  const recoveryCodes = await confirmTotpEnrolment(user, code, await requestClientContext());
  return NextResponse.json({ recoveryCodes }, { status: 200 });
});
