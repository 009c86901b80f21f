import { NextResponse } from "next/server";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { requestClientContext } from "@/lib/auth/client-context";
import { createApiToken } from "@/lib/data/api-tokens";
import { checkCredentials } from "@/lib/auth/credentials";
import { tokenRequestSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

export const POST = publicApiRoute(async ({ request }) => {
  const input = parseInput(tokenRequestSchema, await readJson(request));
  const user = await checkCredentials(input, await requestClientContext());
  const { token } = await createApiToken(user, input.name ?? "API token", input.expiresInDays);
  return NextResponse.json({ token }, { status: 201 });
});
