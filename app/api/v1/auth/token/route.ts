import { NextResponse } from "next/server";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { requestClientContext } from "@/lib/auth/client-context";
import { createApiTokenForCredentials } from "@/lib/services/create-api-token";
import { tokenRequestSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

export const POST = publicApiRoute(async ({ request }) => {
  const input = parseInput(tokenRequestSchema, await readJson(request));
  const token = await createApiTokenForCredentials(input, await requestClientContext());
  return NextResponse.json({ token }, { status: 201 });
});
