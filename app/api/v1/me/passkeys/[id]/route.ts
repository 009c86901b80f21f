import { NextResponse } from "next/server";
import { requestClientContext } from "@/lib/auth/client-context";
import { removePasskey, renamePasskey } from "@/lib/data/passkeys";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { normalizePasskeyName } from "@/lib/domain/passkeys";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
import { passkeyRenameSchema } from "@/lib/validation/passkeys";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const { name } = parseInput(passkeyRenameSchema, await readJson(request));
  // The schema refused a blank name, so the name itself is its own fallback.
  return NextResponse.json(await renamePasskey(user, params.id, normalizePasskeyName(name, name)));
});

export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  const { userAgent } = await requestClientContext();
  announceSecurityEvent(await removePasskey(user, params.id, { userAgent }));
  return new NextResponse(null, { status: 204 });
});
