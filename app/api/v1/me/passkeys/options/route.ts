import { NextResponse } from "next/server";
import { requestClientContext } from "@/lib/auth/client-context";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { startPasskeyRegistration } from "@/lib/services/passkeys";
import { passkeyOptionsSchema } from "@/lib/validation/passkeys";
import { parseInput } from "@/lib/validation/parse";

/** Registration options and their challenge's id, after the current password. */
export const POST = apiRoute(async ({ request, user }) => {
  const { password } = parseInput(passkeyOptionsSchema, await readJson(request));
  const start = await startPasskeyRegistration(user, password, await requestClientContext());
  return NextResponse.json(start, { status: 200 });
});
