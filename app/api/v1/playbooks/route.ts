import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { listPlaybooks } from "@/lib/playbooks/catalog";
import { parseInput } from "@/lib/validation/parse";
import { playbookListSchema } from "@/lib/validation/playbooks";

/** The provider playbooks, by name: `?q=`, `?category=`, a page (docs/api.md). */
export const GET = apiRoute(async ({ request }) =>
  NextResponse.json(listPlaybooks(parseInput(playbookListSchema, queryOf(request)))),
);
