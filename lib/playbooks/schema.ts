// The shape of a provider playbook (playbooks/<slug>.json), as a zod schema.
// A playbook is data kept in the repository, one file per provider. Every fact
// in it says when it was last checked and which of the playbook's sources it
// comes from; every text is in English and Simplified Chinese. A fact that
// could not be sourced is `null` ("nothing sourced yet"), never a guess.
// tests/unit/playbooks.test.ts validates every file in CI.
import { z } from "zod";
import { MAIN_PATH } from "@/lib/domain/case-workflow";
import { SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";

export const PLAYBOOK_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HAS_HAN = /\p{Script=Han}/u;

const isoDate = z
  .string()
  .regex(ISO_DATE, "a date as YYYY-MM-DD")
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, "a real calendar date")
  .refine((value) => value <= new Date().toISOString().slice(0, 10), "a day not in the future");

const httpsUrl = z
  .string()
  .url()
  .max(500)
  .refine((value) => value.startsWith("https://"), "an https:// address");

/** A text in both languages. The Chinese must really be Chinese, not a copy of the English. */
export const bilingualText = z
  .object({
    en: z.string().trim().min(1).max(2000),
    zh: z.string().trim().min(1).max(2000),
  })
  .strict()
  .refine((text) => HAS_HAN.test(text.zh), {
    message: "the zh text has no Chinese in it",
    path: ["zh"],
  });
export type BilingualText = z.infer<typeof bilingualText>;

/** Where a fact comes from: a page somebody read, and the day they read it. */
export const playbookSource = z
  .object({
    id: z.string().regex(PLAYBOOK_SLUG, "a short kebab-case id"),
    title: z.string().trim().min(1).max(300),
    url: httpsUrl,
    readOn: isoDate,
    /** Whose page it is: the provider's own help pages outrank secondary guides. */
    kind: z.enum(["official", "secondary"]),
  })
  .strict();
export type PlaybookSource = z.infer<typeof playbookSource>;

/** Every fact carries its sources (ids from the playbook's `sources`) and the day it was checked. */
const factMeta = {
  sources: z.array(z.string()).min(1, "a fact needs at least one source"),
  checkedOn: isoDate,
};

export const playbookFact = z.object({ text: bilingualText, ...factMeta }).strict();
export type PlaybookFact = z.infer<typeof playbookFact>;

export const CHANNEL_KINDS = ["online", "phone", "chat", "store", "mail", "social"] as const;
export type PlaybookChannelKind = (typeof CHANNEL_KINDS)[number];

export const playbookChannel = z
  .object({
    kind: z.enum(CHANNEL_KINDS),
    /** What to do there: the menu path online, the number and what to say, the address… */
    detail: bilingualText,
    url: httpsUrl.optional(),
    /** For phone and chat: a phone number as printed by the provider. */
    phone: z.string().trim().min(3).max(40).optional(),
    /** Opening hours with their time zone, as the source states them. */
    hours: bilingualText.optional(),
    ...factMeta,
  })
  .strict();
export type PlaybookChannel = z.infer<typeof playbookChannel>;

export const playbookPortOut = z
  .object({
    /** How to get the number transfer (port-out) PIN. */
    pinHow: bilingualText,
    /** How many days the PIN stays valid; null when the source does not say. */
    pinValidDays: z.number().int().min(1).max(365).nullable(),
    whoCanRequest: bilingualText,
    /** The lock to lift first (e.g. "Number Lock"); null when the provider has none. */
    lockName: bilingualText.nullable(),
    ...factMeta,
  })
  .strict();
export type PlaybookPortOut = z.infer<typeof playbookPortOut>;

export const PLAYBOOK_STEP_STATES = MAIN_PATH;

export const playbookSchema = z
  .object({
    slug: z.string().regex(PLAYBOOK_SLUG).max(60),
    name: z.string().trim().min(1).max(80),
    /** Other names people type: "TMobile", "T Mobile", "腾讯视频". */
    aliases: z.array(z.string().trim().min(1).max(80)).max(30),
    /** How the provider shows on card and bank statements, as observed in a source. */
    descriptors: z.array(z.string().trim().min(3).max(60)).max(20),
    category: z.enum(SUBSCRIPTION_CATEGORIES),
    /** CancelCase's rating of how hard leaving is, 1 (a button) to 5 (phone-only, retention-heavy). */
    difficulty: z.number().int().min(1).max(5),
    difficultyWhy: bilingualText,
    /** The newest `checkedOn` of the playbook's facts. */
    checkedOn: isoDate,
    sources: z.array(playbookSource).min(1),
    channels: z.array(playbookChannel).min(1, "at least one way to cancel"),
    /** Phone carriers: how to keep the number (port out). null for non-carriers. */
    portOut: playbookPortOut.nullable(),
    /** When leaving means letting a prepaid plan lapse rather than cancelling. */
    lapseInsteadOfCancel: playbookFact.nullable(),
    refunds: playbookFact.nullable(),
    /** Device balance, early-termination and other fees. */
    fees: playbookFact.nullable(),
    /** What happens to the number after the line closes. */
    numberRecycling: playbookFact.nullable(),
    /** Retention tactics to expect. */
    retention: playbookFact.nullable(),
    /** Lines to say on the call, in English, each with a Chinese gloss. Not a fact: no sources. */
    callScript: z.array(bilingualText).min(2).max(20),
    /** Provider specifics shown inside a workflow step's guidance. */
    steps: z.partialRecord(z.enum(PLAYBOOK_STEP_STATES), playbookFact),
  })
  .strict()
  .superRefine((playbook, ctx) => {
    const ids = new Set<string>();
    playbook.sources.forEach((source, index) => {
      if (ids.has(source.id)) {
        ctx.addIssue({ code: "custom", path: ["sources", index, "id"], message: "duplicate id" });
      }
      ids.add(source.id);
    });
    let newest = "";
    const used = new Set<string>();
    for (const { path, fact } of factsOf(playbook)) {
      for (const id of fact.sources) {
        used.add(id);
        if (!ids.has(id)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "sources"],
            message: `no source "${id}"`,
          });
        }
      }
      if (fact.checkedOn > newest) newest = fact.checkedOn;
    }
    if (newest !== "" && playbook.checkedOn !== newest) {
      ctx.addIssue({
        code: "custom",
        path: ["checkedOn"],
        message: `checkedOn must be the newest fact's date (${newest})`,
      });
    }
    playbook.sources.forEach((source, index) => {
      if (!used.has(source.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["sources", index],
          message: "a source no fact cites",
        });
      }
    });
    if (
      playbook.category === "mobile" &&
      playbook.portOut === null &&
      playbook.lapseInsteadOfCancel === null
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["portOut"],
        message: "a carrier needs portOut or lapseInsteadOfCancel",
      });
    }
  });
export type Playbook = z.infer<typeof playbookSchema>;

type Sourced = { sources: string[]; checkedOn: string };

/** Every sourced fact of a playbook with its path, for checks and for "this is out of date". */
export function factsOf(playbook: {
  channels: Sourced[];
  portOut: Sourced | null;
  lapseInsteadOfCancel: Sourced | null;
  refunds: Sourced | null;
  fees: Sourced | null;
  numberRecycling: Sourced | null;
  retention: Sourced | null;
  steps: Partial<Record<string, Sourced>>;
}): { path: (string | number)[]; fact: Sourced }[] {
  const facts: { path: (string | number)[]; fact: Sourced }[] = [];
  playbook.channels.forEach((fact, index) => facts.push({ path: ["channels", index], fact }));
  for (const key of [
    "portOut",
    "lapseInsteadOfCancel",
    "refunds",
    "fees",
    "numberRecycling",
    "retention",
  ] as const) {
    const fact = playbook[key];
    if (fact) facts.push({ path: [key], fact });
  }
  for (const [state, fact] of Object.entries(playbook.steps)) {
    if (fact) facts.push({ path: ["steps", state], fact });
  }
  return facts;
}
