import { NextResponse } from "next/server";
import { listCaseChecks, setCaseCheck } from "@/lib/data/case-checks";
import { todayIn } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { setCheckSchema } from "@/lib/validation/checklist";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

/** The after-confirmation checklist: the ticked items, `{items}`, in the checklist's order. */
export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json({ items: await listCaseChecks(user, params.id) }),
);

/** Ticks or unticks one item; answers the checklist as it now stands. */
export const PATCH = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(setCheckSchema, await readJson(request));
  return NextResponse.json({
    items: await setCaseCheck(user, params.id, input, todayIn(user.timeZone)),
  });
});
