import type { OpenApiDocument } from "./document";

// docs/api.md, written from the OpenAPI document (never by hand): scripts/
// docs-api.ts writes it and tests/unit/openapi.test.ts fails when the file
// is not what this would write now.

type Schema = Record<string, unknown>;
type Parameter = {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Schema;
};
type OperationObject = {
  summary: string;
  description?: string;
  tags: string[];
  security: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A schema as a short type: `string`, `date`, `Case[]`, one of `a`, `b`… */
export function typeName(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop()!;
    return `[${name}](#${name.toLowerCase()})`;
  }
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => `\`${v}\``).join(", ")}`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeName).join(" or ");
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => typeName({ ...schema, type })).join(" or ");
  }
  if (schema.type === "array") return `${typeName(schema.items as Schema)}[]`;
  if (schema.type === "string" && typeof schema.format === "string") return schema.format;
  if (schema.type === "string" && schema.contentMediaType) return "file";
  if (schema.type === "object" && schema.properties) return "object";
  return typeof schema.type === "string" ? schema.type : "any";
}

function limits(schema: Schema): string {
  const notes: string[] = [];
  if (schema.minLength !== undefined) notes.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) notes.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`≤ ${schema.maximum}`);
  if (typeof schema.pattern === "string") notes.push(`pattern \`${schema.pattern}\``);
  if (schema.maxItems !== undefined) notes.push(`at most ${schema.maxItems} items`);
  if (schema.default !== undefined) notes.push(`default \`${JSON.stringify(schema.default)}\``);
  if (typeof schema.description === "string") notes.push(schema.description);
  return notes.join("; ");
}

/** The object a field holds, if it holds one (`{…}` or `{…} | null`). */
function objectOf(field: Schema): Schema | null {
  if (field.type === "object" && field.properties) return field;
  const branches = Array.isArray(field.anyOf) ? (field.anyOf as Schema[]) : [];
  return branches.find((branch) => branch.type === "object" && branch.properties) ?? null;
}

/** One row per field; an object's own fields follow it as `parent.child`, a list's as `list[].child`. */
function fieldRows(schema: Schema, prefix = ""): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, field]) => {
    const inner = Array.isArray(field.anyOf)
      ? { ...(field.anyOf as Schema[])[0], ...field }
      : field;
    const row = `| \`${prefix}${name}\` | ${cell(typeName(field))} | ${required.has(name) ? "yes" : "no"} | ${cell(limits(inner))} |`;
    const nested = objectOf(field);
    const item = field.type === "array" ? objectOf(field.items as Schema) : null;
    return [
      row,
      ...(nested ? fieldRows(nested, `${prefix}${name}.`) : []),
      ...(item ? fieldRows(item, `${prefix}${name}[].`) : []),
    ];
  });
}

function fieldTable(schema: Schema): string[] {
  const rows = fieldRows(schema);
  if (rows.length === 0) return [];
  return ["| field | type | required | notes |", "| --- | --- | --- | --- |", ...rows, ""];
}

function operationSection(method: string, path: string, op: OperationObject): string[] {
  const lines = [`### ${method.toUpperCase()} ${path}`, "", `${op.summary}.`, ""];
  if (op.description) lines.push(op.description, "");
  lines.push(
    op.security.length === 0
      ? "**Auth:** none (public)."
      : "**Auth:** session cookie or `Authorization: Bearer <token>`.",
    "",
  );
  const query = (op.parameters ?? []).filter((p) => p.in === "query");
  if (query.length > 0) {
    lines.push("**Query parameters**", "");
    lines.push(
      ...fieldTable({
        properties: Object.fromEntries(
          query.map((p) => [p.name, { ...p.schema, description: p.description }]),
        ),
        required: query.filter((p) => p.required).map((p) => p.name),
      }),
    );
  }
  for (const [type, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
    lines.push(`**Body** (\`${type}\`)`, "", ...fieldTable(schema));
  }
  lines.push("**Responses**", "", "| status | what |", "| --- | --- |");
  for (const [status, response] of Object.entries(op.responses)) {
    const schema = Object.values(response.content ?? {})[0]?.schema;
    const shape =
      schema && Number(status) < 400 && schema.type !== "string" ? ` ${typeName(schema)}` : "";
    const properties = (schema?.properties ?? {}) as Record<string, Schema>;
    // A page names what it holds: {items: Case[], nextCursor}.
    const keys = Object.entries(properties).map(([key, field]) =>
      JSON.stringify(field).includes("$ref") ? `${key}: ${typeName(field)}` : `\`${key}\``,
    );
    const extra = shape !== " object" ? shape : keys.length > 0 ? ` {${keys.join(", ")}}` : "";
    lines.push(`| ${status} | ${cell(response.description + extra)} |`);
  }
  lines.push("");
  return lines;
}

/** The Markdown reference of the whole API, in the document's order. */
export function apiMarkdown(doc: OpenApiDocument): string {
  const lines = [
    "# CancelCase API",
    "",
    "<!-- Generated by `npm run docs:api` from lib/http/openapi. Do not edit by hand. -->",
    "",
    doc.info.description,
    "",
    "The machine-readable document is served at `GET /api/v1/openapi.json` (OpenAPI 3.1).",
    "",
    "Lists take `?limit=` (1–100, default 20) and `?cursor=` and answer " +
      "`{items, nextCursor}`; pass `nextCursor` back as `cursor` for the next page.",
    "",
  ];
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, OperationObject>)) {
      const tag = op.tags[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...operationSection(method, path, op)]);
    }
  }
  for (const { name } of doc.tags) {
    lines.push(`## ${name[0]!.toUpperCase()}${name.slice(1)}`, "", ...(byTag.get(name) ?? []));
  }
  lines.push("## Schemas", "");
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    lines.push(`### ${name}`, "");
    if (typeof (schema as Schema).description === "string") {
      lines.push((schema as Schema).description as string, "");
    }
    lines.push(...fieldTable(schema as Schema));
  }
  return lines.join("\n");
}
