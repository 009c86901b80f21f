import { SHARED_SECRETS } from "../support/scaled-engines";
import { startOwnServer, type OwnServer } from "./server";

// Two CancelCase instances as one (issue 32), for the specs that run them
// (scale-out.spec.ts, scale-out-crash.spec.ts). On the embedded engines they
// share one DATA_DIR (one SQLite file, one receipts folder); with
// DATABASE_URL (postgres://…) and STORAGE_URL (s3://…) in the environment
// they share the database and the bucket, each with a DATA_DIR of its own,
// as in production.

export const scaledOut = Boolean(process.env.STORAGE_URL);

/** What every instance gets: the shared engines and the secrets npm start requires scaled out. */
export const INSTANCE_ENV = {
  WEB_CONCURRENCY: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  STORAGE_URL: process.env.STORAGE_URL ?? "",
  ...SHARED_SECRETS,
};

/**
 * Instance `index` (0, 1) of the pair named `name`: on disk the second reuses
 * the first one's DATA_DIR; scaled out each has its own. `fresh: false`
 * restarts an instance on what it left.
 */
export function startInstance(
  name: string,
  index: number,
  env: Record<string, string>,
  { fresh = index === 0 } = {},
): Promise<OwnServer> {
  const dir = scaledOut ? `${name}-${"ab"[index]}` : `${name}-a`;
  return startOwnServer(
    dir,
    { ...INSTANCE_ENV, ...env },
    { fresh: scaledOut ? fresh : fresh && index === 0 },
  );
}
