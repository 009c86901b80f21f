import { expect, test } from "@playwright/test";

// The served document, through the real server: public, cacheable JSON.
test("GET /api/v1/openapi.json answers anyone with a parseable OpenAPI 3.1 document", async ({
  request,
}) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("public, max-age=3600");
  const doc = JSON.parse(await response.text());
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/openapi.json");
  expect(doc.components.schemas.Error).toBeTruthy();
});
