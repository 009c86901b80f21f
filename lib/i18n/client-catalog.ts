import "server-only";
import { createHash } from "node:crypto";
import type { Locale } from "@/lib/domain/locales";
import { catalogs } from "./catalogs";
import { catalogPath, registerCatalog } from "./catalog-registry";
import { clientMessages, type Messages } from "./simple-messages";

export type ClientCatalog = { messages: Messages; version: string; path: string };

const made = new Map<Locale, ClientCatalog>();

/**
 * A locale's client catalog (its simple messages, lib/i18n/simple-messages.ts)
 * with its version, a hash of its content: the URL changes when, and only
 * when, the words do. Made once per process and registered for the
 * provider's server render (catalog-registry.ts).
 */
export async function clientCatalog(locale: Locale): Promise<ClientCatalog> {
  let catalog = made.get(locale);
  if (!catalog) {
    const messages = clientMessages((await catalogs[locale]()).default as Messages);
    const version = createHash("sha256")
      .update(JSON.stringify(messages))
      .digest("base64url")
      .slice(0, 16);
    catalog = { messages, version, path: catalogPath(locale, version) };
    made.set(locale, catalog);
  }
  registerCatalog(locale, catalog.messages);
  return catalog;
}
