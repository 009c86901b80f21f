import { NextResponse } from "next/server";

/**
 * Liveness for load balancers and uptime checks: a constant, no database,
 * no session. `npm run bench` also uses it as the floor of this stack.
 */
export function GET() {
  return NextResponse.json({ ok: true });
}
