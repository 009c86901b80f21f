import fs from "node:fs";
// A maintained validator of the OpenAPI 3.1 specification (dev dependency).
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { errorCodesOf, openApiDocument } from "@/lib/http/openapi/document";
import { OPERATIONS } from "@/lib/http/openapi/operations";
import { API_DOC_PATH, renderApiDoc } from "@/scripts/docs-api";
import { apiRoutesOnDisk } from "../support/api-routes";

// The document is written from a registry, not found by reading the handlers,
// so these tests are what keep the two together.

function routesInDocument(doc: ReturnType<typeof openApiDocument>): string[] {
  return Object.entries(doc.paths)
    .flatMap(([url, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${url}`))
    .sort();
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("lists every route on disk and nothing else", () => {
    expect(apiRoutesOnDisk().length).toBeGreaterThan(40);
    expect(routesInDocument(doc)).toEqual(apiRoutesOnDisk());
  });

  it("misses a route as soon as the registry drops it", () => {
    const fewer = openApiDocument(OPERATIONS.filter((op) => op.path !== "/api/v1/cases/{id}"));
    expect(routesInDocument(fewer)).not.toEqual(apiRoutesOnDisk());
  });

  it("is OpenAPI 3.1 with every $ref resolving to a component", () => {
    expect(doc.openapi).toBe("3.1.0");
    const names = new Set(Object.keys(doc.components.schemas));
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(names.has(ref.split("/").pop()!), ref).toBe(true);
    }
    // It survives a round trip through JSON: no functions, no undefined holes.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("passes an OpenAPI 3.1 validator, which does refuse a broken copy", async () => {
    const check = (value: unknown) => validate(structuredClone(value) as never);
    expect(await check(doc)).toMatchObject({ valid: true });
    const broken = structuredClone(doc) as { paths: Record<string, Record<string, unknown>> };
    broken.paths["/api/v1/me"]!.get = { responses: { "200": {} } };
    expect(await check(broken)).toMatchObject({ valid: false });
  });

  it("gives every operation a summary, a success and the error shape for each failure", () => {
    for (const [url, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods) as [string, Record<string, unknown>][]) {
        const responses = Object.keys(op.responses as object);
        expect(op.summary, `${method} ${url}`).toBeTruthy();
        expect(
          responses.some((s) => Number(s) < 300),
          `${method} ${url}`,
        ).toBe(true);
        for (const status of responses.filter((s) => Number(s) >= 400)) {
          expect(refsIn((op.responses as Record<string, unknown>)[status])).toEqual([
            "#/components/schemas/Error",
          ]);
        }
      }
    }
  });

  it("describes path parameters, query parameters and bodies from the handlers' schemas", () => {
    const transition = doc.paths["/api/v1/cases/{id}/transitions"]!.post as never as {
      parameters: { name: string; in: string }[];
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
      responses: Record<string, { description: string }>;
    };
    expect(transition.parameters).toContainEqual(
      expect.objectContaining({ name: "id", in: "path" }),
    );
    expect(transition.requestBody.content["application/json"].schema.required).toEqual([
      "to",
      "expectedVersion",
    ]);
    expect(transition.responses["409"]!.description).toContain("conflict");
    expect(transition.responses["422"]!.description).toContain("date_out_of_order");

    const list = doc.paths["/api/v1/cases"]!.get as never as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(["limit", "cursor", "state", "followUp"]);

    const upload = doc.paths["/api/v1/cases/{id}/receipts"]!.post as never as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(upload.requestBody.content["multipart/form-data"]!.schema.required).toEqual(["file"]);
  });

  it("marks the public routes public and asks for credentials everywhere else", () => {
    const publicOnes = OPERATIONS.filter((op) => op.auth === "public").map(
      (op) => `${op.method} ${op.path}`,
    );
    expect(publicOnes.sort()).toEqual([
      "GET /api/v1/openapi.json",
      "POST /api/v1/auth/passkey/options",
      "POST /api/v1/auth/passkey/second-factor/options",
      "POST /api/v1/auth/password-reset",
      "POST /api/v1/auth/password-reset/confirm",
      "POST /api/v1/auth/register",
      "POST /api/v1/auth/token",
    ]);
    for (const op of OPERATIONS.filter((o) => o.auth === "user")) {
      expect(errorCodesOf(op)).toContain("unauthorized");
    }
  });
});

describe("docs/api.md", () => {
  it("is what `npm run docs:api` writes now (run it after changing the API)", async () => {
    const committed = fs.existsSync(API_DOC_PATH) ? fs.readFileSync(API_DOC_PATH, "utf8") : "";
    expect(committed).toBe(await renderApiDoc());
  });
});
