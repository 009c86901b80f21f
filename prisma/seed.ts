// `npm run seed:demo`: a demo account to look around with. Safe to run again.
import { loadEnvConfig } from "@next/env";
import { databaseFile } from "@/lib/config";
import { registerUser } from "@/lib/data/users";
import { isAppError } from "@/lib/errors";

loadEnvConfig(process.cwd());

const DEMO = { email: "demo@cancelcase.test", password: "demo passphrase 2026", name: "Demo" };

async function main() {
  try {
    await registerUser({ ...DEMO, locale: "en", timeZone: "America/Los_Angeles" });
    console.log(`Created the demo account in ${databaseFile()}`);
  } catch (error) {
    if (!isAppError(error) || error.code !== "email_taken") throw error;
    console.log("The demo account already exists.");
  }
  console.log(`  email:    ${DEMO.email}\n  password: ${DEMO.password}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
