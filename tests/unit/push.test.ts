import { createECDH, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isAllowedPushEndpoint, isPushKeys } from "@/lib/domain/push";

describe("push endpoints the server will call", () => {
  it("are the browsers' push services over https, and listed origins", () => {
    for (const ok of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGuQyavXutnMH",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ]) {
      expect(isAllowedPushEndpoint(ok, []), ok).toBe(true);
    }
    for (const bad of [
      "http://fcm.googleapis.com/fcm/send/x",
      "https://fcm.googleapis.com:8443/x",
      "https://fcm.googleapis.com.evil.example/x",
      "https://evilfcm.googleapis.com/x",
      "https://notify.windows.com/x",
      "https://user:pw@fcm.googleapis.com/x",
      "https://169.254.169.254/latest/meta-data",
      "https://localhost/x",
      "file:///etc/passwd",
      "not a url",
      `https://fcm.googleapis.com/${"a".repeat(1100)}`,
    ]) {
      expect(isAllowedPushEndpoint(bad, []), bad).toBe(false);
    }
    expect(
      isAllowedPushEndpoint("https://push.example.com:8443/x", ["https://push.example.com:8443"]),
    ).toBe(true);
    expect(isAllowedPushEndpoint("http://push.example.com/x", ["http://push.example.com"])).toBe(
      false,
    );
  });

  it("keys are a P-256 point and a 16-byte secret", () => {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const p256dh = ecdh.getPublicKey().toString("base64url");
    expect(isPushKeys({ p256dh, auth: randomBytes(16).toString("base64url") })).toBe(true);
    expect(isPushKeys({ p256dh, auth: randomBytes(8).toString("base64url") })).toBe(false);
    // 65 bytes that are not an uncompressed point (random bytes began with 0x04 once in 256 runs).
    const notAPoint = randomBytes(65);
    notAPoint[0] = 0x05;
    expect(
      isPushKeys({ p256dh: notAPoint.toString("base64url"), auth: "AAAAAAAAAAAAAAAAAAAAAA" }),
    ).toBe(false);
    expect(isPushKeys({ p256dh: "not base64!", auth: "x" })).toBe(false);
    // The right length and prefix, but not a point of the curve: x = y = 1.
    const offCurve = Buffer.alloc(65);
    offCurve[0] = 0x04;
    offCurve[32] = 1;
    offCurve[64] = 1;
    expect(
      isPushKeys({ p256dh: offCurve.toString("base64url"), auth: "AAAAAAAAAAAAAAAAAAAAAA" }),
    ).toBe(false);
  });
});
