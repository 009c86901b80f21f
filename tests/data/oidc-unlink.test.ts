import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { linkOidcIdentity, listOidcIdentities } from "@/lib/data/oidc-identities";
import { unlinkOidc } from "@/lib/services/oidc-link";
import { newUser } from "../support/fixtures";

// Settings → Single sign-on: unlinking is refused when it would leave the
// account no way in, asks for the password when only it would be left, and
// another account's identity is not found.
const client = { address: "198.51.100.9" };
const ISSUER = "https://sso.example.org";

async function linked(user: { id: string; email: string }) {
  await linkOidcIdentity(user, { issuer: ISSUER, subject: randomUUID(), email: user.email });
  return listOidcIdentities(user);
}

afterEach(() => vi.unstubAllEnvs());

describe("unlinking a single sign-on identity (lib/services/oidc-link.ts)", () => {
  it("unlinks one of two freely, and the last one only with the current password", async () => {
    const user = await newUser();
    await linked(user);
    const [first, second] = await linked(user);
    await unlinkOidc(user, { id: first!.id }, client);
    await expect(unlinkOidc(user, { id: second!.id }, client)).rejects.toMatchObject({
      fields: { password: ["password_wrong"] },
    });
    await unlinkOidc(user, { id: second!.id, password: "a test account's passphrase" }, client);
    expect(await listOidcIdentities(user)).toEqual([]);
  });

  it("refuses the last way in when passwords are off, and another account's identity", async () => {
    vi.stubEnv("OIDC_ISSUER", ISSUER);
    vi.stubEnv("OIDC_CLIENT_ID", "cancelcase");
    vi.stubEnv("PASSWORD_LOGIN", "false");
    const user = await newUser();
    const [only] = await linked(user);
    await expect(unlinkOidc(user, { id: only!.id }, client)).rejects.toMatchObject({
      formMessage: { key: "oidc.unlinkRefused" },
    });
    const stranger = await newUser();
    await expect(unlinkOidc(stranger, { id: only!.id }, client)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listOidcIdentities(user)).toHaveLength(1);
  });
});
