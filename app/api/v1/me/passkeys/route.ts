import { NextResponse } from "next/server";
import { requestClientContext } from "@/lib/auth/client-context";
import { listPasskeys } from "@/lib/data/passkeys";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { finishPasskeyRegistration } from "@/lib/services/passkeys";
import { passkeyRegisterSchema } from "@/lib/validation/passkeys";
import { parseInput } from "@/lib/validation/parse";

/** The caller's passkeys, oldest first. */
export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({ items: await listPasskeys(user) }),
);

/** The browser's new credential, answering a challenge from ./options. */
export const POST = apiRoute(async ({ request, user }) => {
  const input = parseInput(passkeyRegisterSchema, await readJson(request));
  const passkey = await finishPasskeyRegistration(user, input, await requestClientContext());
  return NextResponse.json(passkey, { status: 201 });
});
