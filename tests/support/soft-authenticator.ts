import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

// A passkey made in Node, for tests that talk to /api/v1/me/passkeys without
// a browser (the access matrix): an ES256 key and a "none" attestation, the
// same bytes an authenticator would send. The browser tests use Chromium's
// virtual authenticator instead (tests/e2e/passkeys.spec.ts).

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

const rpIdHash = (origin: string) => createHash("sha256").update(new URL(origin).hostname).digest();

/** A RegistrationResponseJSON answering `challenge` for the relying party of `origin`. */
export function softRegistration(challenge: string, origin: string) {
  return softAuthenticator().register(challenge, origin);
}

/** One credential: registered once, then signing sign-in assertions with its counter. */
export function softAuthenticator(userHandle = "") {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialId = randomBytes(16);
  const id = b64url(credentialId);
  function register(challenge: string, origin: string) {
    const jwk = publicKey.export({ format: "jwk" });
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([
      rpIdHash(origin),
      Buffer.from([0x45]), // user present, user verified, attested credential data
      Buffer.alloc(4), // signature counter 0
      Buffer.alloc(16), // AAGUID: none
      idLength,
      credentialId,
      Buffer.from(coseKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", new Uint8Array(authData)],
      ]) as never,
    );
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: "webauthn.create", challenge, origin, crossOrigin: false }),
    );
    return {
      id,
      rawId: id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
    };
  }
  /** An AuthenticationResponseJSON: user present and verified, with this signature counter. */
  function authenticate(challenge: string, origin: string, counter = 0) {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const authenticatorData = Buffer.concat([rpIdHash(origin), Buffer.from([0x05]), count]);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: "webauthn.get", challenge, origin, crossOrigin: false }),
    );
    const signed = Buffer.concat([
      authenticatorData,
      createHash("sha256").update(clientDataJSON).digest(),
    ]);
    return {
      id,
      rawId: id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(sign("sha256", signed, privateKey)),
        userHandle: b64url(Buffer.from(userHandle)),
      },
      clientExtensionResults: {},
    };
  }
  return { id, register, authenticate };
}
