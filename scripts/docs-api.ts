// npm run docs:api: writes docs/api.md from the OpenAPI document, so the
// prose reference cannot drift from the registry the API serves. Formatted
// with the repo's prettier, as `npm run format:check` would want it.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { openApiDocument } from "@/lib/http/openapi/document";
import { apiMarkdown } from "@/lib/http/openapi/markdown";

// Run from the repository root, as npm and vitest do.
export const API_DOC_PATH = path.resolve("docs", "api.md");

/** docs/api.md as the script would write it now. */
export async function renderApiDoc(): Promise<string> {
  const options = (await prettier.resolveConfig(API_DOC_PATH)) ?? {};
  return prettier.format(apiMarkdown(openApiDocument()), { ...options, filepath: API_DOC_PATH });
}

// tsx runs this file as CommonJS (no top-level await); a test only imports it.
if (process.argv[1]?.endsWith(path.join("scripts", "docs-api.ts"))) {
  void renderApiDoc().then((text) => {
    fs.writeFileSync(API_DOC_PATH, text);
    console.log("Wrote docs/api.md");
  });
}
