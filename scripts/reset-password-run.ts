// scripts/reset-password.mjs's work, under tsx: lib/ is TypeScript.
import fs from "node:fs";
import { databaseFile, usesPostgres } from "@/lib/config";
import { resetPasswordAsOperator } from "@/lib/services/operator-password-reset";

async function main(email: string): Promise<number> {
  if (!email.trim()) throw new Error("usage: npm run reset-password -- <email>");
  // Opening a SQLite file that is not there would make an empty one: a typo
  // in DATA_DIR must say so, not answer "no account".
  if (!usesPostgres() && !fs.existsSync(databaseFile())) {
    throw new Error(`there is no database at ${databaseFile()} (is DATA_DIR right?)`);
  }
  const password = await resetPasswordAsOperator(email);
  if (!password) {
    console.error(
      `[cancelcase] no account has the email ${JSON.stringify(email)}; nothing was changed`,
    );
    return 1;
  }
  console.log(
    `[cancelcase] the password of ${email.trim().toLowerCase()} is now:\n\n    ${password}\n`,
  );
  console.log(
    "Every session and API token of the account has ended. Pass the password on privately;\n" +
      "they sign in with it and choose their own in Settings → Password.",
  );
  return 0;
}

main(process.argv[2] ?? "").then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[cancelcase] reset-password failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
