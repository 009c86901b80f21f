import { execFileSync } from "node:child_process";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { serverNodeFlags } from "./tests/support/server-flags";
import { CHROMIUM_ARGS, findChromium } from "./tests/support/chromium";
import { SCALED_PROJECT, scaledBaseUrl } from "./tests/support/scaled-engines";

// The config is evaluated again in every worker: pick the port once and pass
// it on through the environment so they all talk to the same server.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
const port = Number(process.env.E2E_PORT);
// Every server the suite starts (this one, the postgres-s3 one, the tests' own)
// reads the fixture playbooks, not the real library: the journeys need
// providers whose facts do not change under them.
process.env.PLAYBOOK_DIR = path.resolve("tests/fixtures/playbooks");
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // `npm run test:stress` runs only the tests tagged @stress; `npm test` runs everything else.
  ...(process.env.STRESS ? { grep: /@stress/ } : { grepInvert: /@stress/ }),
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Generous: these are whole user journeys on a shared 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The postgres-s3 project's PostgreSQL, bucket and server (skipped with --project=sqlite).
  globalSetup: "tests/support/scaled-engines-setup.ts",
  projects: [
    { name: "sqlite" },
    {
      // Issue 32: the core journey, the API, the evidence and dispute pack,
      // and two instances as one (a kill -9 mid-upload too), on PostgreSQL +
      // S3 as well. api-receipts stays SQLite-only: it reads the receipts
      // folder on disk.
      name: SCALED_PROJECT,
      testMatch: [
        "scale-out.spec.ts",
        "scale-out-crash.spec.ts",
        "journey.spec.ts",
        "api-cases.spec.ts",
        "dispute.spec.ts",
      ],
      use: { baseURL: scaledBaseUrl() },
    },
  ],
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
  },
  webServer: {
    command: ["node", ...serverNodeFlags(), "tests/support/e2e-server.mjs"].join(" "),
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: path.resolve("test-data/e2e"),
      BASE_URL: baseURL,
      // The suite signs up more accounts from 127.0.0.1 than a person would;
      // the sign-up limit itself is proven in tests/data/login-throttle.test.ts.
      SIGNUPS_PER_HOUR: "1000",
      // Small limits so the 413 and quota tests move little data.
      UPLOAD_MAX_BYTES: String(1024 * 1024),
      USER_QUOTA_BYTES: String(3 * 1024 * 1024),
      PLAYBOOK_DIR: process.env.PLAYBOOK_DIR,
    },
  },
});
