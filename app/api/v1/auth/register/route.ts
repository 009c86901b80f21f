import { NextResponse } from "next/server";
import { publicApiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { clientAddress } from "@/lib/auth/client-address";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { registerAccount } from "@/lib/services/register-account";

export const POST = publicApiRoute(async ({ request }) => {
  const body = await readJson(request);
  // Without an explicit locale, the account speaks the caller's language.
  const input =
    body && typeof body === "object" && !Array.isArray(body)
      ? { locale: negotiateLocale(request.headers.get("accept-language")), ...body }
      : body;
  const account = await registerAccount(input, clientAddress(request.headers));
  return NextResponse.json(account, { status: 201 });
});
