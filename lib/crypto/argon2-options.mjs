// argon2id with OWASP's minimum (19 MiB, t=2, p=1), which docs/contract.md requires.
// `algorithm: 2` is Argon2id; @node-rs/argon2 exports it as a const enum,
// which isolated modules cannot import. Plain JavaScript so that
// scripts/reset-password.mjs hashes exactly as the app does.
export const ARGON2ID_OPTIONS = Object.freeze({
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
});
