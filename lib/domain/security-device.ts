import { describeUserAgent } from "./user-agent";

/** "Chrome on macOS", "Chrome", or the unknown-browser words: how the log and its mail name a browser. */
export function securityDevice(
  userAgent: string | null,
  t: (key: "deviceOn" | "unknownBrowser", values?: Record<string, string>) => string,
): string {
  const { browser, system } = describeUserAgent(userAgent ?? "");
  if (browser && system) return t("deviceOn", { browser, system });
  return browser ?? system ?? t("unknownBrowser");
}
