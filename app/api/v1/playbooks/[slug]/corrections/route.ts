import { NextResponse } from "next/server";
import { addCorrection, listCorrections } from "@/lib/data/playbook-corrections";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/body";
import { createCorrectionSchema } from "@/lib/validation/playbook-corrections";
import { parseInput } from "@/lib/validation/parse";

type Params = { slug: string };

/** The playbook's corrections the caller sees (their own and the operators'), newest first. */
export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json({ items: await listCorrections(user, params.slug) }),
);

/** "This is out of date" on one fact; `everyone: true` only for the server's operators. */
export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  const input = parseInput(createCorrectionSchema, await readJson(request));
  return NextResponse.json(await addCorrection(user, params.slug, input), { status: 201 });
});
