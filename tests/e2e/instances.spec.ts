import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { PASSWORD, uniqueEmail } from "./helpers";
import { startOwnServer } from "./server";

test("a second instance with its own DATA_DIR and PORT runs beside the first without touching it", async ({
  request,
  baseURL,
}) => {
  const server = await startOwnServer("instance-b");
  try {
    const other = server.url;
    // Its own database and its own generated secret, readable by the owner only.
    expect(fs.existsSync(path.join(server.dataDir, "cancelcase.db"))).toBe(true);
    const secret = fs.statSync(path.join(server.dataDir, "auth-secret"));
    expect(secret.mode & 0o777).toBe(0o600);

    // The same email registers on both: they share nothing.
    const email = uniqueEmail("twin");
    const onFirst = await request.post(`${baseURL}/api/v1/auth/register`, {
      data: { email, password: PASSWORD },
    });
    const onSecond = await request.post(`${other}/api/v1/auth/register`, {
      data: { email, password: PASSWORD },
    });
    expect(onFirst.status()).toBe(201);
    expect(onSecond.status()).toBe(201);

    const { token } = await (
      await request.post(`${other}/api/v1/auth/token`, { data: { email, password: PASSWORD } })
    ).json();
    const headers = { Authorization: `Bearer ${token}` };
    expect((await request.get(`${other}/api/v1/me`, { headers })).status()).toBe(200);
    expect((await request.get(`${baseURL}/api/v1/me`, { headers })).status()).toBe(401);
  } finally {
    await server.stop();
  }
});

test("behind HTTPS (BASE_URL https://…) the session cookie is Secure, HttpOnly, SameSite and __Secure- prefixed", async ({
  request,
}) => {
  // TLS ends at a reverse proxy in front of the app; the app itself speaks HTTP.
  const server = await startOwnServer("https-cookies", { BASE_URL: "https://cancelcase.example" });
  try {
    const email = uniqueEmail("tls");
    await request.post(`${server.url}/api/v1/auth/register`, {
      data: { email, password: PASSWORD },
    });
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = await csrf.json();
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const login = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
    });
    const session = login.headers.getSetCookie().find((c) => c.includes("session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    const attributes = session!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]),
    );
  } finally {
    await server.stop();
  }
});

test("npm start keeps DATA_DIR private: an existing readable folder is tightened, new files are 0600", async () => {
  const dataDir = path.resolve("test-data", "private-files");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, "receipts"), { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  fs.chmodSync(path.join(dataDir, "receipts"), 0o775);
  const server = await startOwnServer("private-files", {}, { fresh: false });
  try {
    const mode = (file: string) => fs.statSync(path.join(dataDir, file)).mode & 0o777;
    expect(mode(".")).toBe(0o700);
    expect(mode("receipts")).toBe(0o700);
    expect(mode("cancelcase.db")).toBe(0o600);
    expect(mode("auth-secret")).toBe(0o600);
    for (const name of fs.readdirSync(dataDir)) {
      if (name.startsWith("cancelcase.db")) expect(mode(name), name).toBe(0o600);
    }
  } finally {
    await server.stop();
  }
});
