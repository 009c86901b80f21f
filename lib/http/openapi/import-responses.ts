import { z } from "zod";
import type { ImportResult } from "@/lib/services/import-statement";
import type { SubscriptionImportResult } from "@/lib/services/import-subscriptions";
import { STATEMENT_FORMATS } from "@/lib/domain/statements";
import type { SkipReason, SourceFormat } from "@/lib/domain/subscription-import";
import { BILLING_CYCLES } from "@/lib/domain/subscriptions";
import { columnMappingSchema } from "@/lib/validation/imports";
import { named } from "./responses";

// The answers of the two file imports, field by field. The services return
// TypeScript types, not schemas: the checks at the bottom make `tsc` fail when
// a type and its schema here part ways, and tests/data parse real answers.

const date = z.string().meta({ format: "date", description: "YYYY-MM-DD" });
const row = z.int().meta({ description: "The row's number in the file." });

export const statementImportSchema = named(
  "StatementImport",
  z.object({
    id: z.string(),
    account: z.string().meta({ description: "The account name given with the file." }),
    format: z.enum(STATEMENT_FORMATS),
    fileName: z.string(),
    issuer: z.string().nullable().meta({ description: "The bank the layout was known from." }),
    lines: z.int().meta({ description: "Lines read from the file." }),
    added: z.int().meta({ description: "Lines stored." }),
    duplicates: z.int().meta({ description: "Lines already stored by an earlier import." }),
    periodStart: date.nullable(),
    periodEnd: date.nullable(),
    statementDate: date.nullable().meta({ description: "The dispute window counts from it." }),
    createdAt: z.iso.datetime(),
  }),
);

export const statementImportResultSchema = named(
  "StatementImportResult",
  statementImportSchema.extend({
    matched: z.int().meta({ description: "Lines matched to a subscription." }),
    mapping: columnMappingSchema.nullable().meta({
      description: "The columns a CSV was read with (send it back as `mapping` to correct it).",
    }),
  }),
);

const SKIP_REASONS = [
  "name_missing",
  "cycle_unsupported",
  "price_unreadable",
  "currency_ambiguous",
  "date_invalid",
  "inactive",
  "invalid",
  "already_kept",
] as const satisfies readonly SkipReason[];
const SOURCE_FORMATS = ["wallos", "cancelcase"] as const satisfies readonly SourceFormat[];

export const subscriptionImportResultSchema = named(
  "SubscriptionImportResult",
  z.object({
    format: z.enum(SOURCE_FORMATS),
    dryRun: z.boolean().meta({ description: "True: nothing was stored (answered with 200)." }),
    rows: z.int().meta({ description: "Rows read from the file." }),
    imported: z.array(
      z.object({
        row: row,
        provider: z.string(),
        amount: z.int().meta({ description: "Minor units (cents)." }),
        currency: z.string(),
        billingCycle: z.enum(BILLING_CYCLES),
      }),
    ),
    skipped: z.array(
      z.object({ row: row, name: z.string().nullable(), reason: z.enum(SKIP_REASONS) }),
    ),
    currencyChoices: z
      .array(
        z.object({
          symbol: z.string(),
          rows: z.int(),
          candidates: z.array(z.string()).meta({ description: "The currencies it may mean." }),
          suggested: z.string().nullable().meta({ description: "The one to offer first." }),
          chosen: z.string().nullable().meta({ description: "The answer sent, if any." }),
        }),
      )
      .meta({
        description: "Each symbol several currencies share (Wallos): send answers as `currencies`.",
      }),
    cycleChoices: z
      .array(
        z.object({
          cycle: z.string(),
          rows: z.int(),
          chosen: z
            .enum(BILLING_CYCLES)
            .nullable()
            .meta({ description: "The answer sent; null: those rows are left out." }),
        }),
      )
      .meta({ description: "Each Wallos cycle with no CancelCase word: answers go in `cycles`." }),
  }),
);

/** A value as JSON.stringify writes it: instants become strings. */
type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
/** Enums and literals as their base type: the types say `string` where a schema lists values. */
type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends (infer U)[]
        ? Widen<U>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;
/**
 * Compiles only when the schema lists the same fields as the type, each
 * nullable or not alike, and every value the schema allows is one the type allows.
 */
type Describes<Schema, Answer> = [Schema] extends [Answer]
  ? [Widen<Schema>] extends [Widen<Answer>]
    ? [Widen<Answer>] extends [Widen<Schema>]
      ? true
      : never
    : never
  : never;

const statementAnswer: Describes<
  z.output<typeof statementImportResultSchema>,
  Json<ImportResult>
> = true;
const subscriptionAnswer: Describes<
  z.output<typeof subscriptionImportResultSchema>,
  Json<SubscriptionImportResult>
> = true;
void [statementAnswer, subscriptionAnswer];
