import "server-only";
import { cookies, headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { recordSecurityEvent } from "@/lib/data/security-events";
import { announceSecurityEvent } from "@/lib/notifications/security-notices";
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
    userAgent: headerList.get("user-agent"),
  };
}

/**
 * After a right password: this browser is now one the account has signed in
 * from. A browser without the account's device cookie is an unseen device,
 * which the security log records (and mails about) as it gets the cookie.
 */
export async function rememberDevice(user: { id: string; email: string }): Promise<void> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const name = deviceCookieName();
  if (trustedDeviceFor(cookieStore.get(name)?.value, user.email)) return;
  cookieStore.set(name, issueDeviceCookie(user.email), deviceCookieOptions());
  const userAgent = headerList.get("user-agent");
  announceSecurityEvent(await recordSecurityEvent(user, "sign_in_new_device", { userAgent }));
}
