import type { Options } from "@node-rs/argon2";

export const ARGON2ID_OPTIONS: Readonly<Options>;
