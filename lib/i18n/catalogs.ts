import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/domain/locales";

type Catalog = Record<string, unknown>;

export const catalogs: Record<Locale, () => Promise<{ default: Catalog }>> = {
  en: () => import("@/messages/en.json"),
  "zh-CN": () => import("@/messages/zh-CN.json"),
};

/**
 * Translations outside a request (the reminder scheduler, a mail sent after
 * the answer): next-intl's translator over the catalog itself, since the
 * request config reads cookies and the session, which only a request has.
 */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

export async function translator(locale: Locale, namespace: string): Promise<Translate> {
  const messages = (await catalogs[locale]()).default;
  const t = createTranslator({ locale, messages, namespace: namespace as never });
  return (key, values) => (t as unknown as Translate)(key, values);
}
