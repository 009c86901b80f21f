import "server-only";
import { baseUrl } from "@/lib/config";

/** The WebAuthn relying party: BASE_URL's host and origin, never the request's Host header (decision 013). */
export function relyingParty(): { id: string; origin: string; name: string } {
  const url = new URL(baseUrl());
  return { id: url.hostname, origin: url.origin, name: "CancelCase" };
}
