import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { playbookView } from "@/lib/playbooks/catalog";
import { parseInput } from "@/lib/validation/parse";
import { playbookDetailSchema } from "@/lib/validation/playbooks";

type Params = { slug: string };

/** One playbook in `?lang=` (the user's language by default); 404 for a slug it does not know. */
export const GET = apiRoute<Params>(async ({ request, params, user }) => {
  const { lang } = parseInput(playbookDetailSchema, queryOf(request));
  return NextResponse.json(playbookView(params.slug, lang ?? user.locale));
});
