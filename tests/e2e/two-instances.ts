import { SHARED_SECRETS } from "../support/scaled-engines";
import { startOwnServer, type OwnServer } from "./server";

// Two CancelCase instances as one (issue 32), for scale-out-crash.spec.ts.
// On the embedded engines they share one DATA_DIR (one SQLite file, one
// receipts folder); given a DATABASE_URL (postgres://…) and a STORAGE_URL
// (s3://…), by the postgres-s3 project or in the environment of a run by
// hand, they share the database and the bucket, each with a DATA_DIR of its
// own, as in production (docs/operations.md, "What the instances share").

/** What every instance gets: the environment's engines and the secrets npm start requires scaled out. */
export const INSTANCE_ENV = {
  WEB_CONCURRENCY: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  STORAGE_URL: process.env.STORAGE_URL ?? "",
  ...SHARED_SECRETS,
};

/**
 * Instance `index` (0, 1) of the pair named `name`: on disk the second reuses
 * the first one's DATA_DIR; scaled out (a STORAGE_URL in `env` or the
 * environment) each has its own. `fresh: false` restarts an instance on what it left.
 */
export function startInstance(
  name: string,
  index: number,
  env: Record<string, string>,
  { fresh = index === 0 } = {},
): Promise<OwnServer> {
  const merged = { ...INSTANCE_ENV, ...env };
  const scaledOut = Boolean(merged.STORAGE_URL);
  const dir = scaledOut ? `${name}-${"ab"[index]}` : `${name}-a`;
  return startOwnServer(dir, merged, { fresh: scaledOut ? fresh : fresh && index === 0 });
}
