import { z } from "zod";
import { MAIN_PATH } from "@/lib/domain/case-workflow";
import { SUBSCRIPTION_CATEGORIES } from "@/lib/domain/subscriptions";
import { CHANNEL_KINDS } from "@/lib/playbooks/schema";
import { playbookDetailSchema, playbookListSchema } from "@/lib/validation/playbooks";
import { type Operation, ok } from "./operation";
import { named, pageOf } from "./responses";

// The provider playbooks (issue 33): read-only, the same for every user, in
// the language asked. Every fact carries the day it was checked and the ids
// of its sources; the facts that are plain texts keep theirs in `facts`.

const date = z.string().meta({ format: "date", description: "YYYY-MM-DD" });
const factMeta = {
  checkedOn: date.meta({ description: "When this fact was last checked." }),
  sources: z.array(z.string()).meta({ description: "Ids of the playbook's `sources`." }),
};
const fact = z
  .string()
  .nullable()
  .meta({ description: "null: nothing sourced yet. Its date and sources are in `facts`." });

export const playbookSummarySchema = named(
  "PlaybookSummary",
  z.object({
    slug: z.string(),
    name: z.string(),
    category: z.enum(SUBSCRIPTION_CATEGORIES),
    difficulty: z.int().min(1).max(5),
    checkedOn: date,
  }),
);

export const playbookSchema = named(
  "Playbook",
  z.object({
    slug: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    descriptors: z.array(z.string()).meta({ description: "How it shows on card statements." }),
    category: z.enum(SUBSCRIPTION_CATEGORIES),
    difficulty: z.int().min(1).max(5),
    difficultyWhy: z.string(),
    checkedOn: date.meta({ description: "The newest fact's date." }),
    sources: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        url: z.string(),
        readOn: date,
        kind: z.enum(["official", "secondary"]),
      }),
    ),
    channels: z.array(
      z.object({
        kind: z.enum(CHANNEL_KINDS),
        detail: z.string(),
        url: z.string().optional(),
        phone: z.string().optional(),
        hours: z.string().optional(),
        ...factMeta,
      }),
    ),
    portOut: z
      .object({
        pinHow: z.string(),
        pinValidDays: z.int().nullable(),
        whoCanRequest: z.string(),
        lockName: z.string().nullable(),
        ...factMeta,
      })
      .nullable(),
    lapseInsteadOfCancel: fact,
    refunds: fact,
    fees: fact,
    numberRecycling: fact,
    retention: fact,
    callScript: z.array(z.object({ en: z.string(), zh: z.string() })),
    steps: z.partialRecord(z.enum(MAIN_PATH), z.string()),
    facts: z
      .record(z.string(), z.object(factMeta))
      .meta({ description: 'By path ("refunds", "steps.request_submitted"): date and sources.' }),
  }),
);

export const PLAYBOOK_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/playbooks",
    tag: "playbooks",
    summary: "List provider playbooks",
    description:
      "By name. `q` (at most 100 characters) matches the start of a word of a name, alias or " +
      "statement descriptor, or a pasted statement line holding one.",
    auth: "user",
    query: playbookListSchema,
    success: ok("A page of playbooks.", pageOf(playbookSummarySchema)),
  },
  {
    method: "GET",
    path: "/api/v1/playbooks/{slug}",
    tag: "playbooks",
    summary: "Read a provider playbook",
    description: "Texts in `lang` (the user's language by default); the call script in both.",
    auth: "user",
    query: playbookDetailSchema,
    success: ok("The playbook.", playbookSchema),
  },
];
