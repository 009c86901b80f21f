import { expect, test } from "@playwright/test";

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("every kind of response carries the security headers and no X-Powered-By", async ({
  request,
}) => {
  for (const path of ["/login", "/api/v1/me", "/api/auth/csrf", "/icon.svg", "/no-such-page"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(COMMON))
      expect(headers[name], `${path} ${name}`).toBe(value);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("pages get a fresh script nonce and no unsafe-inline scripts", async ({ request }) => {
  const first = (await request.get("/login")).headers()["content-security-policy"] ?? "";
  const second = (await request.get("/login")).headers()["content-security-policy"] ?? "";
  const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(first)).not.toBe(nonce(second));
  expect(/script-src[^;]*unsafe-inline/.test(first)).toBe(false);
});

test("the session cookie is HttpOnly and SameSite", async ({ page }) => {
  await page.goto("/login");
  await page.request.get("/api/auth/csrf");
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name.includes("next-auth.csrf-token"));
  expect(csrf?.httpOnly).toBe(true);
  expect(csrf?.sameSite).toBe("Lax");
});
