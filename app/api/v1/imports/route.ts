import { NextResponse } from "next/server";
import { listImports } from "@/lib/data/statement-imports";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { uploadFrom } from "@/lib/http/multipart";
import { importStatement } from "@/lib/services/import-statement";
import { pageQuerySchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

/** A statement (multipart `file`, `account`, `format` csv|ofx, `mapping`?, `charges`? negative|positive, `statementDate`?): 201 with counts; 422 statement_sign_unknown when the sign cannot be told. */
export const POST = apiRoute(async ({ request, user }) =>
  NextResponse.json(await importStatement(user, uploadFrom(request)), { status: 201 }),
);

/** The imports so far, newest first. */
export const GET = apiRoute(async ({ request, user }) =>
  NextResponse.json(await listImports(user, parseInput(pageQuerySchema, queryOf(request)))),
);
