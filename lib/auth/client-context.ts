import "server-only";
import { cookies, headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import type { ClientContext } from "@/lib/auth/credentials";
import {
  deviceCookieName,
  deviceCookieOptions,
  issueDeviceCookie,
  trustedDeviceFor,
} from "@/lib/auth/device-cookie";

/** The client of this request (route handler, action or next-auth's callback). */
export async function requestClientContext(): Promise<ClientContext> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return {
    address: clientAddress(headerList),
    deviceCookie: cookieStore.get(deviceCookieName())?.value ?? null,
  };
}

/** After a right password: this browser is now one the account has signed in from. */
export async function rememberDevice(email: string): Promise<void> {
  const cookieStore = await cookies();
  const name = deviceCookieName();
  if (trustedDeviceFor(cookieStore.get(name)?.value, email)) return;
  cookieStore.set(name, issueDeviceCookie(email), deviceCookieOptions());
}
