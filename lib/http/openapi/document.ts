import { z } from "zod";
import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors/app-error";
import { dateOnlyField } from "@/lib/validation/fields";
import { OPERATIONS, type Operation } from "./operations";
import { errorSchema, NAMED } from "./responses";

// zod 4's own z.toJSONSchema() and no library: OpenAPI 3.1 schemas are JSON
// Schema 2020-12, which is what it writes, so the document needs nothing but
// the zod already installed (@asteasolutions/zod-to-openapi would add a
// dependency and a second registry to keep in step with this one).

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  410: "Gone",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable",
  429: "Too many requests",
  503: "Busy",
};

/** A zod schema as OpenAPI 3.1 JSON Schema; named ones become $refs into components. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const result = z.toJSONSchema(schema, {
    io,
    // Refinements and transforms have no JSON Schema; their input type stands.
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema, path }) => {
      const name = NAMED.get(zodSchema as unknown as z.ZodType);
      if (name && path.length > 0) {
        for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
        jsonSchema.$ref = `#/components/schemas/${name}`;
        return;
      }
      if (zodSchema === dateOnlyField) jsonSchema.format = "date";
      // An answer may carry more than the fields listed (a case's GET adds its moves).
      if (io === "output" && jsonSchema.additionalProperties === false) {
        delete jsonSchema.additionalProperties;
      }
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      // zod spells an ISO instant as a 400-character regex beside its format.
      if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  delete result.$schema;
  return result;
}

/** The codes an operation can answer with: its own, plus those of the path it takes. */
export function errorCodesOf(op: Operation): AppErrorCode[] {
  const codes = new Set<AppErrorCode>(op.errors ?? []);
  if (op.auth === "user") {
    codes.add("unauthorized");
    if (op.method !== "GET") codes.add("forbidden");
  }
  if (op.body || op.query) codes.add("validation_failed");
  if (op.body && "json" in op.body) {
    codes.add("invalid_json");
    codes.add("payload_too_large");
  }
  if (op.body && "multipart" in op.body) codes.add("payload_too_large");
  if (op.path.includes("{")) codes.add("not_found");
  if (!op.static) codes.add("busy");
  return [...codes].sort((a, b) => APP_ERROR_STATUS[a] - APP_ERROR_STATUS[b] || (a < b ? -1 : 1));
}

function errorResponses(op: Operation) {
  const byStatus = new Map<number, AppErrorCode[]>();
  for (const code of errorCodesOf(op)) {
    const status = APP_ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `${STATUS_TEXT[status] ?? "Error"}: ${codes.map((c) => `\`${c}\``).join(", ")}`,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
}

function parametersOf(op: Operation) {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = op.query ? jsonSchemaOf(op.query, "input") : null;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const inQuery = Object.entries((query?.properties ?? {}) as Record<string, JsonSchema>).map(
    ([name, schema]) => {
      const { description, ...rest } = schema;
      return {
        name,
        in: "query",
        required: required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      };
    },
  );
  return [...inPath, ...inQuery];
}

function requestBodyOf(op: Operation) {
  if (!op.body) return undefined;
  if ("json" in op.body) {
    return {
      required: true,
      content: { "application/json": { schema: jsonSchemaOf(op.body.json, "input") } },
    };
  }
  const fields = jsonSchemaOf(op.body.multipart, "input");
  const files = Object.entries(op.body.files);
  return {
    required: true,
    content: {
      "multipart/form-data": {
        schema: {
          ...fields,
          properties: {
            ...Object.fromEntries(
              files.map(([name, description]) => [
                name,
                { type: "string", contentMediaType: "application/octet-stream", description },
              ]),
            ),
            ...(fields.properties as JsonSchema),
          },
          required: [...files.map(([name]) => name), ...((fields.required as string[]) ?? [])],
        },
      },
    },
  };
}

function successOf(op: Operation) {
  const { status, description, schema, contentType } = op.success;
  const content = contentType
    ? { [contentType]: { schema: { type: "string", contentMediaType: contentType } } }
    : schema
      ? {
          "application/json": {
            schema: NAMED.has(schema)
              ? { $ref: `#/components/schemas/${NAMED.get(schema)}` }
              : jsonSchemaOf(schema, "output"),
          },
        }
      : undefined;
  return { [String(status)]: { description, ...(content ? { content } : {}) } };
}

function operationObject(op: Operation) {
  const parameters = parametersOf(op);
  const body = requestBodyOf(op);
  return {
    operationId: `${op.method.toLowerCase()}${op.path
      .replace("/api/v1", "")
      .replace(/\.json$/, "")
      .split(/[/-]/)
      .filter(Boolean)
      .map((part) => part.replace(/[{}]/g, ""))
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join("")}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: op.auth === "public" ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: { ...successOf(op), ...errorResponses(op) },
  };
}

/** The OpenAPI 3.1 document of /api/v1, built from the registry in ./operations. */
export function openApiDocument(operations: Operation[] = OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  }
  const schemas = Object.fromEntries(
    [...NAMED].map(([schema, name]) => [name, jsonSchemaOf(schema, "output")]),
  );
  // Keep the Error shape first, then the rest by name, so the output is stable.
  const { Error: error, ...rest } = schemas;
  return {
    openapi: "3.1.0",
    info: {
      title: "CancelCase API",
      version: "1",
      description:
        "Scripts and integrations. JSON field names are camelCase; dates are YYYY-MM-DD, " +
        "instants ISO-8601 UTC; money is an integer in minor units with an ISO-4217 code. " +
        'Every error is `{"error": {"code", "message", "fields"?}}`; any route may also ' +
        "answer 500 `internal`. Another user's id is always 404.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        Error: error ?? jsonSchemaOf(errorSchema, "output"),
        ...Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))),
      },
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A token from POST /api/v1/auth/token or Settings.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The web app's session (`__Secure-` prefixed on https). A write with it must come " +
            "from the app's own Origin (403).",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
