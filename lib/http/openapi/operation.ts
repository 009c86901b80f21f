import type { z } from "zod";
import type { AppErrorCode } from "@/lib/errors/app-error";

// One /api/v1 operation as the registry (./operations) writes it down.

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Operation = {
  method: Method;
  /** OpenAPI style: `/api/v1/cases/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** `user`: session cookie or Bearer token; `public`: no credentials. */
  auth: "user" | "public";
  query?: z.ZodObject;
  body?: { json: z.ZodType } | { multipart: z.ZodObject; files: Record<string, string> };
  success: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** The codes this route raises itself; auth, body, id and busy codes are added by the builder. */
  errors?: AppErrorCode[];
  /** Served to anyone and safe to cache (no database, no user). */
  static?: boolean;
};

export const json = (schema: z.ZodType) => ({ json: schema });
export const ok = (description: string, schema?: z.ZodType) => ({
  status: 200,
  description,
  schema,
});
export const created = (description: string, schema?: z.ZodType) => ({
  status: 201,
  description,
  schema,
});
export const noContent = (description: string) => ({ status: 204, description });

/**
 * A file to read and store, sent as multipart `file` with small fields beside
 * it: the statement and subscription imports. Both refuse the same ways, an
 * unknown type (415), an unreadable file (422), or more than the user's room.
 */
export function fileImport({
  fields,
  file,
  ...op
}: Pick<Operation, "path" | "tag" | "summary" | "description" | "success"> & {
  fields: z.ZodObject;
  file: string;
}): Operation {
  return {
    method: "POST",
    auth: "user",
    ...op,
    body: { multipart: fields, files: { file } },
    errors: ["unsupported_media_type", "unprocessable", "limit_reached"],
  };
}
