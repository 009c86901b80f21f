// The UI's side of the languages (lib/domain/locales.ts has the list).
// Client components import this file, so it holds constants only;
// negotiating from headers lives in ./negotiate.ts (server).
import type { Locale } from "@/lib/domain/locales";

export const LOCALE_COOKIE = "NEXT_LOCALE";

export const LOCALE_LABELS: Record<Locale, string> = { en: "English", "zh-CN": "中文" };
