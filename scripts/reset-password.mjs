// `npm run reset-password -- user@example.com`: for the operator of an
// instance without email. Sets a new random password on the account, ends
// every session and API token it has (as a password change does), and
// prints the new password once, for the operator to pass on. The user then
// changes it in Settings → Password.
// The work is the data layer's (lib/services/operator-password-reset.ts), so
// it runs on SQLite and PostgreSQL alike; the data layer is TypeScript, so
// this starts it under tsx with the server's import conditions, as
// npm run seed:demo starts prisma/seed.ts.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./paths.mjs";

const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    "--conditions=react-server",
    path.join(root, "scripts/reset-password-run.ts"),
    ...process.argv.slice(2, 3),
  ],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
