import { NextResponse } from "next/server";
import { publicApiRoute, readJson } from "@/lib/api";
import { clientAddress } from "@/lib/client-address";
import { registerAccount } from "@/lib/login";

export const POST = publicApiRoute(async ({ request }) => {
  const account = await registerAccount(await readJson(request), clientAddress(request.headers));
  return NextResponse.json(account, { status: 201 });
});
