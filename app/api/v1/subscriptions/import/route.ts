import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { uploadFrom } from "@/lib/http/multipart";
import { importSubscriptions } from "@/lib/services/import-subscriptions";

/** Multipart `file` (Wallos JSON/CSV export, or CancelCase CSV), `dryRun`?: 201 imported, 200 dry run. */
export const POST = apiRoute(async ({ request, user }) => {
  const result = await importSubscriptions(user, uploadFrom(request));
  return NextResponse.json(result, { status: result.dryRun ? 200 : 201 });
});
