import { NextResponse } from "next/server";
import { publicApiRoute } from "@/lib/http/api-route";
import { openApiDocument } from "@/lib/http/openapi/document";

// Built once per process: it depends on the code alone, never on a user.
let document: ReturnType<typeof openApiDocument> | undefined;

/** The OpenAPI 3.1 document of /api/v1: public, and cacheable for an hour. */
export const GET = publicApiRoute(async () => {
  document ??= openApiDocument();
  return NextResponse.json(document, {
    headers: { "Cache-Control": "public, max-age=3600" },
  });
});
