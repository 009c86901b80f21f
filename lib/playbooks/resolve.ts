// A playbook in one language: what GET /api/v1/playbooks/:slug answers and
// what the pages show. DESIGN.md's fields keep their shapes (a fact is its
// text); the dates and sources of the facts that are plain texts there ride
// beside them in `facts`, keyed by the fact's path ("refunds",
// "steps.request_submitted"), so a reader can always tell how old a fact is.
import type { Locale } from "@/lib/domain/locales";
import type { SubscriptionCategory } from "@/lib/domain/subscriptions";
import type { BilingualText, Playbook, PlaybookChannelKind, PlaybookFact } from "./schema";

export type FactMeta = { checkedOn: string; sources: string[] };

export type ResolvedPlaybook = {
  slug: string;
  name: string;
  aliases: string[];
  descriptors: string[];
  category: SubscriptionCategory;
  difficulty: number;
  difficultyWhy: string;
  checkedOn: string;
  sources: {
    id: string;
    title: string;
    url: string;
    readOn: string;
    kind: "official" | "secondary";
  }[];
  channels: ({
    kind: PlaybookChannelKind;
    detail: string;
    url?: string;
    phone?: string;
    hours?: string;
  } & FactMeta)[];
  portOut:
    | ({
        pinHow: string;
        pinValidDays: number | null;
        whoCanRequest: string;
        lockName: string | null;
      } & FactMeta)
    | null;
  lapseInsteadOfCancel: string | null;
  refunds: string | null;
  fees: string | null;
  numberRecycling: string | null;
  retention: string | null;
  callScript: { en: string; zh: string }[];
  steps: Partial<Record<string, string>>;
  facts: Record<string, FactMeta>;
};

export const FACT_KEYS = [
  "lapseInsteadOfCancel",
  "refunds",
  "fees",
  "numberRecycling",
  "retention",
] as const;

export function textIn(text: BilingualText, locale: Locale): string {
  return locale === "zh-CN" ? text.zh : text.en;
}

const metaOf = (fact: FactMeta): FactMeta => ({
  checkedOn: fact.checkedOn,
  sources: fact.sources,
});

export function resolvePlaybook(playbook: Playbook, locale: Locale): ResolvedPlaybook {
  const t = (text: BilingualText) => textIn(text, locale);
  const facts: Record<string, FactMeta> = {};
  const fact = (key: string, value: PlaybookFact | null): string | null => {
    if (value === null) return null;
    facts[key] = metaOf(value);
    return t(value.text);
  };
  const steps: Partial<Record<string, string>> = {};
  for (const [state, value] of Object.entries(playbook.steps)) {
    if (value) steps[state] = fact(`steps.${state}`, value) ?? undefined;
  }
  const { portOut } = playbook;
  return {
    slug: playbook.slug,
    name: playbook.name,
    aliases: playbook.aliases,
    descriptors: playbook.descriptors,
    category: playbook.category,
    difficulty: playbook.difficulty,
    difficultyWhy: t(playbook.difficultyWhy),
    checkedOn: playbook.checkedOn,
    sources: playbook.sources.map(({ id, title, url, readOn, kind }) => ({
      id,
      title,
      url,
      readOn,
      kind,
    })),
    channels: playbook.channels.map((channel) => ({
      kind: channel.kind,
      detail: t(channel.detail),
      ...(channel.url ? { url: channel.url } : {}),
      ...(channel.phone ? { phone: channel.phone } : {}),
      ...(channel.hours ? { hours: t(channel.hours) } : {}),
      ...metaOf(channel),
    })),
    portOut: portOut
      ? {
          pinHow: t(portOut.pinHow),
          pinValidDays: portOut.pinValidDays,
          whoCanRequest: t(portOut.whoCanRequest),
          lockName: portOut.lockName ? t(portOut.lockName) : null,
          ...metaOf(portOut),
        }
      : null,
    lapseInsteadOfCancel: fact("lapseInsteadOfCancel", playbook.lapseInsteadOfCancel),
    refunds: fact("refunds", playbook.refunds),
    fees: fact("fees", playbook.fees),
    numberRecycling: fact("numberRecycling", playbook.numberRecycling),
    retention: fact("retention", playbook.retention),
    callScript: playbook.callScript.map(({ en, zh }) => ({ en, zh })),
    steps,
    facts,
  };
}

/** A phone number as a tel: address: its digits and a leading +, nothing a link could carry. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}
