import { NextResponse } from "next/server";
import { getAccount, updateAccount } from "@/lib/data/statement-accounts";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { updateAccountSchema } from "@/lib/validation/accounts";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getAccount(user, params.id)),
);

/** Any of accountKind, holderName, holderAddress, issuerName, issuerAddress. */
export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(updateAccountSchema, await readJson(request));
  return NextResponse.json(await updateAccount(user, params.id, input));
});
