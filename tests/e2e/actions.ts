import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { PASSWORD } from "./helpers";

// Server actions called the way React calls them: a POST with the action's id
// in the Next-Action header and the arguments encoded by React's own
// encodeReply. Lets tests throw anything at an action, as an attacker could.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply(args: unknown[]): Promise<string | FormData>;
};

/** Every exported action of every "use server" module (a function, or a userAction), as "file#name". */
export function sourceActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["'];/.test(text)) continue;
        for (const match of text.matchAll(/^export (?:async function|const) (\w+)/gm))
          found.push(`${full}#${match[1]}`);
      }
    }
  };
  ["app", "lib", "components"].forEach(walk);
  return found.sort();
}

/** "file#name" → the id Next.js gave the action in this build. */
export function builtActionIds(): Record<string, string> {
  const manifest = JSON.parse(
    fs.readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.node).map(([id, action]) => [
      `${action.filename}#${action.exportedName}`,
      id,
    ]),
  );
}

export type ActionResponse = { status: number; body: string; redirect: string | null };

/** Calls an action. `page` is the URL posted to (the page an action's form is on). */
export async function callAction(
  request: APIRequestContext,
  id: string,
  args: unknown[],
  page = "/login",
): Promise<ActionResponse> {
  const body = await encodeReply(args);
  const response = await request.fetch(page, {
    method: "POST",
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      Origin: `http://localhost:${process.env.E2E_PORT}`,
      ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
    },
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    body: await response.text(),
    redirect: response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? null,
  };
}

/** A request context signed in with the session cookie, as a browser would be. */
export async function sessionFor(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  email: string,
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const login = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
  });
  expect(login.status()).toBe(200);
  return context;
}

/** A FormData from plain fields. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
