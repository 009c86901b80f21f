import { NextResponse } from "next/server";
import { isHealthy } from "@/lib/data/health";

// For load balancers (docs/contract.md "Resources"): no auth, no details.
// /api/ping is the constant liveness answer; this one asks the database and
// the receipt storage.
export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await isHealthy();
  return NextResponse.json(
    { ok },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
