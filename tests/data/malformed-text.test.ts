import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { verifyCredentials } from "@/lib/data/users";

// A lone UTF-16 surrogate ("\ud800") is valid JSON but not text: it cannot be
// stored or hashed as UTF-8. Refused at the boundary with a 400 naming the
// field, anonymously through sign-up, and nothing is created.

const context = { params: Promise.resolve({}) };

function signUp(body: string, address: string) {
  return register(
    new Request("http://localhost/api/v1/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body,
    }),
    context,
  );
}

type ErrorBody = { error: { code: string; fields?: Record<string, string[]> } };

describe("ill-formed UTF-16 in a request", () => {
  it("a lone surrogate in sign-up's name or password is a 400 naming the field; nothing is created", async () => {
    for (const [field, raw] of [
      ["name", `{"email":"%EMAIL%","password":"a fine long passphrase","name":"Ann \\ud800"}`],
      ["password", `{"email":"%EMAIL%","password":"a fine long passphrase \\udfff"}`],
    ] as const) {
      const email = `${randomUUID()}@example.com`;
      const response = await signUp(raw.replace("%EMAIL%", email), "192.0.2.17");
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("validation_failed");
      expect(Object.keys(body.error.fields ?? {})).toEqual([field]);
      expect(await verifyCredentials(email, "a fine long passphrase")).toBeNull();
    }
  });

  it("a surrogate pair (an emoji) is text and is taken", async () => {
    const email = `${randomUUID()}@example.com`;
    const response = await signUp(
      `{"email":"${email}","password":"a fine long passphrase","name":"Ann \\ud83d\\ude00"}`,
      "192.0.2.18",
    );
    expect(response.status).toBe(201);
  });
});
