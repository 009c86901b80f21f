import { NextResponse } from "next/server";
import { requestClientContext } from "@/lib/auth/client-context";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { startTotpEnrolment, turnOffTotp } from "@/lib/services/two-factor";
import { totpCodeSchema, totpEnrolSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

/** A pending TOTP secret for the caller's app; a code confirms it (./confirm). */
export const POST = apiRoute(async ({ request, user }) => {
  const { password } = parseInput(totpEnrolSchema, await readJson(request));
  const enrolment = await startTotpEnrolment(user, password, await requestClientContext());
  return NextResponse.json(enrolment, { status: 201 });
});

/** Two-factor off, with a current code or an unused recovery code. */
export const DELETE = apiRoute(async ({ request, user }) => {
  const { code } = parseInput(totpCodeSchema, await readJson(request));
  await turnOffTotp(user, code, await requestClientContext());
  return new Response(null, { status: 204 });
});
