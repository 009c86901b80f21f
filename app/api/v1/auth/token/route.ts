import { NextResponse } from "next/server";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { clientAddress } from "@/lib/auth/client-address";
import { createApiToken } from "@/lib/data/api-tokens";
import { checkCredentials } from "@/lib/auth/credentials";
import { tokenRequestSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

export const POST = publicApiRoute(async ({ request }) => {
  const input = parseInput(tokenRequestSchema, await readJson(request));
  const user = await checkCredentials(input, clientAddress(request.headers));
  const { token } = await createApiToken(user, input.name ?? "API token");
  return NextResponse.json({ token }, { status: 201 });
});
