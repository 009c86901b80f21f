// Where the client components' messages come from, on each side. The root
// layout no longer passes the catalog down as a prop (it was 20 of a page's
// 31 KB of RSC payload, serialised into every page and every navigation):
//   - on the server, the root layout registers each locale's client catalog
//     here (in process memory) before its children render, and the
//     provider's server render reads it from here;
//   - in the browser, the provider fetches it once per build from
//     /i18n/<locale>/<version> (a route with a year-long immutable cache,
//     preloaded by the page's head) and keeps it for every later page.
import type { Messages } from "./simple-messages";

const registry = globalThis as unknown as {
  cancelCaseClientCatalogs?: Map<string, Messages>;
};

/** Server: the client catalog of a locale, as the layout registered it. */
export function registeredCatalog(locale: string): Messages | undefined {
  return registry.cancelCaseClientCatalogs?.get(locale);
}

/** Server: the layout hands a locale's client catalog over before rendering. */
export function registerCatalog(locale: string, messages: Messages): void {
  (registry.cancelCaseClientCatalogs ??= new Map()).set(locale, messages);
}

/** The path of a locale's catalog for one version of it (a hash of its content). */
export function catalogPath(locale: string, version: string): string {
  return `/i18n/${encodeURIComponent(locale)}/${version}`;
}
