"use client";

// Translations for client components: the same calls as next-intl's
// (`useTranslations(namespace?)`, `useLocale()`), backed by the simple
// messages the root layout passes down (see simple-messages.ts).
import { createContext, use, useCallback, type ReactNode } from "react";
import {
  formatSimpleMessage,
  lookupMessage,
  type MessageValues,
  type Messages,
} from "./simple-messages";

type I18n = { locale: string; messages: Messages };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, messages, children }: I18n & { children: ReactNode }) {
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
