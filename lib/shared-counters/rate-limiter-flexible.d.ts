// The two files of rate-limiter-flexible 11.4.0 lib/shared-counters/shared.ts
// builds on, imported from their own files (it has no "exports" map, so these
// paths are its public files): its index requires all 30 of its stores
// (Redis, Mongo, Drizzle, Etcd…), which the bundle carried into every server
// process (5 MiB of resident memory, BENCHMARKS.md).
declare module "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js" {
  import { RateLimiterStoreAbstract } from "rate-limiter-flexible";
  export default RateLimiterStoreAbstract;
}

declare module "rate-limiter-flexible/lib/RateLimiterRes.js" {
  import { RateLimiterRes } from "rate-limiter-flexible";
  export default RateLimiterRes;
}
