import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { authenticateApiToken } from "@/lib/data/api-tokens";
import { readTotpStatus } from "@/lib/data/totp";
import type { SessionUser } from "@/lib/data/users";
import { createApiTokenForCredentials } from "@/lib/services/create-api-token";
import { resetPasswordAsOperator } from "@/lib/services/operator-password-reset";
import { confirmTotpEnrolment, startTotpEnrolment, turnOffTotp } from "@/lib/services/two-factor";
import { newUser } from "../support/fixtures";

// TOTP against a real implementation: codes are made with `otpauth` from the
// secret the enrolment returned, at times the test chooses (an injected
// clock: every check takes `now`), never by waiting.

const password = "a test account's passphrase";
const T0 = new Date("2026-12-06T15:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function codeAt(secret: string, when: Date): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    timestamp: when.getTime(),
  });
}

/** A six-digit code that is not the right one at `when`. */
function wrongCodeAt(secret: string, when: Date): string {
  return String((Number(codeAt(secret, when)) + 1) % 1_000_000).padStart(6, "0");
}

let addresses = 0;
/** Each test its own client address, so throttle counters do not leak between tests. */
const client = () => ({ address: `198.51.100.${++addresses + 100}` });

async function signedIn(): Promise<SessionUser> {
  const { id, email } = await newUser({ password });
  return { id, email, name: "", locale: "en", timeZone: "UTC", sessionVersion: 0, dataVersion: 0 };
}

/** A user with two-factor on, confirmed at T0: their secret and recovery codes. */
async function enrolled() {
  const user = await signedIn();
  const { secret, otpauthUri } = await startTotpEnrolment(user, password, client());
  const recoveryCodes = await confirmTotpEnrolment(user, codeAt(secret, T0), client(), T0);
  return { user, secret, otpauthUri, recoveryCodes };
}

describe("TOTP enrolment", () => {
  it("needs the current password, and is on only once a code confirms it", async () => {
    const user = await signedIn();
    await expect(startTotpEnrolment(user, "not the passphrase", client())).rejects.toMatchObject({
      fields: { password: ["password_wrong"] },
    });
    const { secret, otpauthUri } = await startTotpEnrolment(user, password, client());
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain("otpauth://totp/CancelCase:");
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect((await readTotpStatus(user)).enabled).toBe(false);
    // Pending: signing in still needs only the password.
    expect((await checkCredentials({ email: user.email, password }, client(), T0)).id).toBe(
      user.id,
    );

    await expect(
      confirmTotpEnrolment(user, codeAt(secret, at(-600)), client(), T0),
    ).rejects.toMatchObject({ fields: { code: ["totp_invalid"] } });
    const recoveryCodes = await confirmTotpEnrolment(user, codeAt(secret, T0), client(), T0);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await readTotpStatus(user)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it("cannot start again while on: it is turned off first", async () => {
    const { user } = await enrolled();
    await expect(startTotpEnrolment(user, password, client())).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("signing in with two-factor on", () => {
  it("asks for the code after a right password, and takes a current one", async () => {
    const { user, secret } = await enrolled();
    const address = client();
    await expect(
      checkCredentials({ email: user.email, password }, address, at(60)),
    ).rejects.toMatchObject({ code: "totp_required" });
    // A wrong password says nothing about the code.
    await expect(
      checkCredentials({ email: user.email, password: "wrong", totp: "123456" }, address, at(60)),
    ).rejects.toMatchObject({ code: "unauthorized" });
    const signed = await checkCredentials(
      { email: user.email, password, totp: codeAt(secret, at(60)) },
      address,
      at(60),
    );
    expect(signed.id).toBe(user.id);
  });

  it("accepts a code from the step before or after (a clock a little off), not further", async () => {
    const { user, secret } = await enrolled();
    const now = at(300);
    await expect(
      checkCredentials(
        { email: user.email, password, totp: codeAt(secret, at(300 - 90)) },
        client(),
        now,
      ),
    ).rejects.toMatchObject({ code: "totp_invalid" });
    const late = codeAt(secret, at(300 - 30));
    expect(
      (await checkCredentials({ email: user.email, password, totp: late }, client(), now)).id,
    ).toBe(user.id);
  });

  it("refuses the same code a second time within its window", async () => {
    const { user, secret } = await enrolled();
    const code = codeAt(secret, at(120));
    await checkCredentials({ email: user.email, password, totp: code }, client(), at(120));
    await expect(
      checkCredentials({ email: user.email, password, totp: code }, client(), at(125)),
    ).rejects.toMatchObject({ code: "totp_invalid" });
    // An older step's code is refused too, even inside the window.
    await expect(
      checkCredentials(
        { email: user.email, password, totp: codeAt(secret, at(90)) },
        client(),
        at(125),
      ),
    ).rejects.toMatchObject({ code: "totp_invalid" });
    // The next step's code works.
    const next = codeAt(secret, at(150));
    expect(
      (await checkCredentials({ email: user.email, password, totp: next }, client(), at(150))).id,
    ).toBe(user.id);
  });

  it("refuses the confirming code again at sign-in (its step is used)", async () => {
    const { user, secret } = await enrolled();
    await expect(
      checkCredentials({ email: user.email, password, totp: codeAt(secret, T0) }, client(), at(5)),
    ).rejects.toMatchObject({ code: "totp_invalid" });
  });

  it("takes a recovery code once, in any case and spacing", async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = recoveryCodes[0] ?? "";
    const typed = ` ${first.toUpperCase().replace("-", " ")} `;
    expect(
      (await checkCredentials({ email: user.email, password, totp: typed }, client(), at(60))).id,
    ).toBe(user.id);
    await expect(
      checkCredentials({ email: user.email, password, totp: first }, client(), at(61)),
    ).rejects.toMatchObject({ code: "totp_invalid" });
    expect((await readTotpStatus(user)).recoveryCodesLeft).toBe(9);
  });

  it("throttles wrong codes like wrong passwords: the 11th try from one address is refused", async () => {
    const { user, secret } = await enrolled();
    const address = client();
    const good = codeAt(secret, at(60));
    const wrong = wrongCodeAt(secret, at(60));
    for (let i = 0; i < 10; i++) {
      await expect(
        checkCredentials({ email: user.email, password, totp: wrong }, address, at(60)),
      ).rejects.toMatchObject({ code: "totp_invalid" });
    }
    await expect(
      checkCredentials({ email: user.email, password, totp: good }, address, at(60)),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("does not count the code-less first step against the account", async () => {
    const { user, secret } = await enrolled();
    const address = client();
    for (let i = 0; i < 12; i++) {
      await expect(
        checkCredentials({ email: user.email, password }, address, at(60)),
      ).rejects.toMatchObject({ code: "totp_required" });
    }
    const code = codeAt(secret, at(60));
    expect(
      (await checkCredentials({ email: user.email, password, totp: code }, address, at(60))).id,
    ).toBe(user.id);
  });
});

describe("API tokens with two-factor on", () => {
  it("are not made without the code (totp_required) or with a wrong one (totp_invalid)", async () => {
    const { user, secret } = await enrolled();
    const request = { email: user.email, password, expiresInDays: 30 };
    await expect(createApiTokenForCredentials(request, client(), at(60))).rejects.toMatchObject({
      code: "totp_required",
      status: 401,
    });
    await expect(
      createApiTokenForCredentials(
        { ...request, totp: wrongCodeAt(secret, at(60)) },
        client(),
        at(60),
      ),
    ).rejects.toMatchObject({ code: "totp_invalid", status: 401 });
    const token = await createApiTokenForCredentials(
      { ...request, totp: codeAt(secret, at(60)) },
      client(),
      at(60),
    );
    expect((await authenticateApiToken(token))?.id).toBe(user.id);
  });
});

describe("turning two-factor off", () => {
  it("needs a current code; a wrong one leaves it on", async () => {
    const { user, secret } = await enrolled();
    await expect(turnOffTotp(user, "12345x", client(), at(60))).rejects.toMatchObject({
      fields: { code: ["totp_invalid"] },
    });
    expect((await readTotpStatus(user)).enabled).toBe(true);
    await turnOffTotp(user, codeAt(secret, at(60)), client(), at(60));
    expect(await readTotpStatus(user)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await checkCredentials({ email: user.email, password }, client(), at(90))).id).toBe(
      user.id,
    );
  });

  it("takes a recovery code instead of the app's", async () => {
    const { user, recoveryCodes } = await enrolled();
    await turnOffTotp(user, recoveryCodes[3] ?? "", client(), at(60));
    expect((await readTotpStatus(user)).enabled).toBe(false);
  });
});

describe("the operator's password reset", () => {
  it("turns two-factor off too, for the person who lost their phone and codes", async () => {
    const { user } = await enrolled();
    const temporary = await resetPasswordAsOperator(user.email);
    expect(await readTotpStatus(user)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    const signed = await checkCredentials(
      { email: user.email, password: temporary ?? "" },
      client(),
      at(60),
    );
    expect(signed.id).toBe(user.id);
  });
});
