import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation/fields";
import {
  importFieldsSchema,
  transactionQuerySchema,
  updateTransactionSchema,
} from "@/lib/validation/imports";
import { noteSearchSchema } from "@/lib/validation/notes";
import { receiptFieldsSchema } from "@/lib/validation/receipts";
import { statementImportResultSchema, statementImportSchema } from "./import-responses";
import {
  notificationSchema,
  pageOf,
  receiptSchema,
  recurringChargeSchema,
  searchHitSchema,
  transactionSchema,
} from "./responses";
import { type Operation, json, ok, created, noContent, fileImport } from "./operation";

const downloadQuery = z.object({
  inline: z
    .enum(["1"])
    .optional()
    .meta({ description: "1: show a raster image inline (thumbnails); else an attachment." }),
});

/** Receipts, search, notifications, statements and charges. */
export const RECORD_OPERATIONS: Operation[] = [
  // Receipts
  {
    method: "GET",
    path: "/api/v1/cases/{id}/receipts",
    tag: "receipts",
    summary: "Page through a case's receipts",
    auth: "user",
    query: pageQuerySchema,
    success: ok("A page of receipts, newest first.", pageOf(receiptSchema)),
  },
  {
    method: "POST",
    path: "/api/v1/cases/{id}/receipts",
    tag: "receipts",
    summary: "Upload a receipt to a case",
    description: "The type is read from the bytes: PDF, PNG, JPEG, WebP, HEIC, text or .eml.",
    auth: "user",
    body: { multipart: receiptFieldsSchema, files: { file: "The receipt." } },
    success: created("The receipt's metadata.", receiptSchema),
    errors: ["unsupported_media_type", "limit_reached", "conflict", "unprocessable"],
  },
  {
    method: "GET",
    path: "/api/v1/receipts/{id}",
    tag: "receipts",
    summary: "Read a receipt's metadata",
    auth: "user",
    success: ok("The receipt.", receiptSchema),
  },
  {
    method: "DELETE",
    path: "/api/v1/receipts/{id}",
    tag: "receipts",
    summary: "Delete a receipt",
    description: "A confirmed case without a confirmation number keeps its last receipt (422).",
    auth: "user",
    success: noContent("Deleted."),
    errors: ["unprocessable"],
  },
  {
    method: "GET",
    path: "/api/v1/receipts/{id}/download",
    tag: "receipts",
    summary: "Download a receipt's file",
    auth: "user",
    query: downloadQuery,
    success: {
      status: 200,
      description: "The bytes, with the detected type.",
      contentType: "application/octet-stream",
    },
    errors: ["gone"],
  },
  // Search and notifications
  {
    method: "GET",
    path: "/api/v1/search",
    tag: "search",
    summary: "Search cases, notes and receipts",
    auth: "user",
    query: noteSearchSchema,
    success: ok("A page of hits.", pageOf(searchHitSchema)),
  },
  {
    method: "GET",
    path: "/api/v1/notifications",
    tag: "notifications",
    summary: "List reminders sent, waiting or failed",
    auth: "user",
    query: pageQuerySchema,
    success: ok("A page of notifications, newest first.", pageOf(notificationSchema)),
  },
  // Statements and charges
  {
    method: "GET",
    path: "/api/v1/imports",
    tag: "charges",
    summary: "List statement imports",
    auth: "user",
    query: pageQuerySchema,
    success: ok("A page of imports, newest first.", pageOf(statementImportSchema)),
  },
  fileImport({
    path: "/api/v1/imports",
    tag: "charges",
    summary: "Import a card or bank statement",
    description:
      "CSV or OFX. 422 `statement_sign_unknown` when a charge's sign cannot be told. `accountKind` is remembered per `account` label: left out, a known label keeps its kind and a new one is a credit card.",
    fields: importFieldsSchema,
    file: "The statement file.",
    success: created("The import with its counts.", statementImportResultSchema),
  }),
  {
    method: "GET",
    path: "/api/v1/imports/{id}",
    tag: "charges",
    summary: "Read a statement import",
    auth: "user",
    success: ok("The import.", statementImportSchema),
  },
  {
    method: "DELETE",
    path: "/api/v1/imports/{id}",
    tag: "charges",
    summary: "Delete an import and every line it added",
    auth: "user",
    success: noContent("Deleted."),
  },
  {
    method: "GET",
    path: "/api/v1/transactions",
    tag: "charges",
    summary: "List statement lines",
    description:
      "With their match and flag, newest first. `account` keeps one statement account's lines (its label, as imported).",
    auth: "user",
    query: transactionQuerySchema,
    success: ok("A page of lines.", pageOf(transactionSchema)),
  },
  {
    method: "GET",
    path: "/api/v1/transactions/recurring",
    tag: "charges",
    summary: "List recurring charges found in the statements",
    description:
      "Newest first, at most 200, from the lines of the last 800 days (at most 20,000, newest first). Those with no subscriptionId are subscriptions not added yet.",
    auth: "user",
    success: ok("The recurring charges.", z.object({ items: z.array(recurringChargeSchema) })),
  },
  {
    method: "GET",
    path: "/api/v1/transactions/{id}",
    tag: "charges",
    summary: "Read a statement line",
    auth: "user",
    success: ok("The line.", transactionSchema),
  },
  {
    method: "PATCH",
    path: "/api/v1/transactions/{id}",
    tag: "charges",
    summary: "Set a line's statement date",
    description: "The dispute date follows it.",
    auth: "user",
    body: json(updateTransactionSchema),
    success: ok("The line after the change.", transactionSchema),
  },
];
