import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { importSubscriptionFile } from "@/lib/http/subscription-import";

/** Multipart `file` (Wallos JSON/CSV export, or CancelCase CSV), `dryRun`?: 201 imported, 200 dry run. */
export const POST = apiRoute(async ({ request, user }) => {
  const result = await importSubscriptionFile(user, request);
  return NextResponse.json(result, { status: result.dryRun ? 200 : 201 });
});
