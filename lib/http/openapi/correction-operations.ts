import { z } from "zod";
import {
  correctionsFileSchema,
  createCorrectionSchema,
  exportCorrectionsQuerySchema,
  importCorrectionsQuerySchema,
} from "@/lib/validation/playbook-corrections";
import { type Operation, created, json, noContent, ok } from "./operation";
import { named } from "./responses";

// "This is out of date" on a playbook's fact (issue 33, point 3), and the
// JSON file corrections are shared in between servers.

const date = z.string().meta({ format: "date", description: "YYYY-MM-DD" });

export const correctionSchema = named(
  "PlaybookCorrection",
  z.object({
    id: z.string(),
    playbookSlug: z.string(),
    factPath: z
      .string()
      .meta({ description: "The fact: `channels.0`, `portOut`, `refunds`, `steps.open`…" }),
    note: z.string(),
    sourceUrl: z.string().nullable(),
    checkedOn: date,
    everyone: z
      .boolean()
      .meta({ description: "An operator's (OPERATOR_EMAILS), shown to everyone on the server." }),
    mine: z.boolean().meta({ description: "The caller wrote it, and may delete it." }),
    createdAt: z.string().meta({ format: "date-time" }),
  }),
);

const comparison = z.object({
  same: z.array(z.string()),
  differ: z.array(z.string()),
  unknown: z.array(z.string()),
  invalid: z.array(z.object({ index: z.int(), problems: z.array(z.string()) })),
});

export const CORRECTION_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/playbooks/{slug}/corrections",
    tag: "playbooks",
    summary: "List a playbook's corrections",
    description: "The caller's own and the operators', newest first (at most 200).",
    auth: "user",
    success: ok("The corrections.", z.object({ items: z.array(correctionSchema) })),
  },
  {
    method: "POST",
    path: "/api/v1/playbooks/{slug}/corrections",
    tag: "playbooks",
    summary: "Say a fact is out of date",
    description:
      "For the caller alone, or (`everyone: true`, operators only, else 403) for everyone on the server. 422 `fact_unknown` for a fact the playbook does not have; an account keeps at most 500.",
    auth: "user",
    body: json(createCorrectionSchema),
    success: created("The correction.", correctionSchema),
    errors: ["forbidden", "unprocessable", "date_in_future", "limit_reached"],
  },
  {
    method: "DELETE",
    path: "/api/v1/playbooks/{slug}/corrections/{id}",
    tag: "playbooks",
    summary: "Delete one of your corrections",
    auth: "user",
    success: noContent("Deleted."),
  },
  {
    method: "GET",
    path: "/api/v1/playbook-corrections",
    tag: "playbooks",
    summary: "Export corrections as a file to share",
    description:
      "Every correction the caller sees (at most 5,000), with `exportedAt`; `?playbooks=true` adds this server's playbooks.",
    auth: "user",
    query: exportCorrectionsQuerySchema,
    success: ok("The file.", correctionsFileSchema.extend({ exportedAt: z.string() })),
  },
  {
    method: "POST",
    path: "/api/v1/playbook-corrections",
    tag: "playbooks",
    summary: "Import a shared corrections file",
    description:
      "All or nothing: each correction's playbook, fact and date are checked, and the account's limit counted, before any is written (`row` names a bad one). Ones already held are skipped. Playbooks in the file are compared with this server's and reported, never applied: a playbook changes through a reviewed file in the repository. `?everyone=true` (operators only) shares them with everyone.",
    auth: "user",
    query: importCorrectionsQuerySchema,
    body: json(correctionsFileSchema),
    success: created(
      "What was imported.",
      z.object({ added: z.int(), duplicates: z.int(), playbooks: comparison }),
    ),
    errors: ["forbidden", "unprocessable", "date_in_future", "limit_reached"],
  },
];
