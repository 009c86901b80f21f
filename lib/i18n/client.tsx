"use client";

// Translations for client components: the same calls as next-intl's
// (`useTranslations(namespace?)`, `useLocale()`), backed by the simple
// messages of simple-messages.ts. The catalog is not a prop: the server
// render reads the one the root layout registered, and the browser fetches
// it once per version (catalog-registry.ts explains why).
import { createContext, use, useCallback, type ReactNode } from "react";
import { registeredCatalog } from "./catalog-registry";
import {
  formatSimpleMessage,
  lookupMessage,
  type MessageValues,
  type Messages,
} from "./simple-messages";

type I18n = { locale: string; messages: Messages };

const I18nContext = createContext<I18n | null>(null);

// One fetch per catalog per page load, kept for the whole visit.
const loading = new Map<string, Promise<Messages>>();

async function fetchCatalog(path: string): Promise<Messages> {
  // A hiccup of the network right after the page arrived is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return (await response.json()) as Messages;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

function browserCatalog(path: string): Promise<Messages> {
  let promise = loading.get(path);
  if (!promise) {
    promise = fetchCatalog(path);
    promise.catch(() => loading.delete(path));
    loading.set(path, promise);
  }
  return promise;
}

/**
 * `path` is the catalog's versioned URL (client-catalog.ts). While the
 * browser fetches it (preloaded with the page, so usually there already),
 * hydration waits and the server's HTML stays on screen. There is no
 * Suspense boundary here on purpose: on the server one would let the shell
 * go out before the page is rendered, and a redirect, a not-found or an
 * error could then no longer set the response's status.
 */
export function I18nProvider({
  locale,
  path,
  children,
}: {
  locale: string;
  path: string;
  children: ReactNode;
}) {
  const messages =
    typeof window === "undefined" ? (registeredCatalog(locale) ?? {}) : use(browserCatalog(path));
  return <I18nContext value={{ locale, messages }}>{children}</I18nContext>;
}

function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error("I18nProvider is missing above this component");
  return i18n;
}

export function useLocale(): string {
  return useI18n().locale;
}

export function useTranslations(namespace?: string) {
  const { messages } = useI18n();
  return useCallback(
    (key: string, values?: MessageValues): string => {
      const path = namespace ? `${namespace}.${key}` : key;
      const message = lookupMessage(messages, path);
      if (message === undefined) {
        // As next-intl does: show the key rather than break the page.
        console.error(`Missing client message: ${path}`);
        return path;
      }
      return formatSimpleMessage(message, values);
    },
    [messages, namespace],
  );
}
