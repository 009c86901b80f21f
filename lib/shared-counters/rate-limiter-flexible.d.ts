// The two limiters lib/shared-counters/shared.ts uses, imported from their own files
// of rate-limiter-flexible 11.4.0 (it has no "exports" map, so these paths are
// its public files): its index requires all 30 of its stores (Redis, Mongo,
// Drizzle, Etcd…), which the bundle carried into every server process and
// the supervisor loaded (5 MiB of its resident memory, BENCHMARKS.md).
declare module "rate-limiter-flexible/lib/RateLimiterCluster.js" {
  export { RateLimiterCluster, RateLimiterClusterMaster } from "rate-limiter-flexible";
}

declare module "rate-limiter-flexible/lib/RateLimiterMemory.js" {
  import { RateLimiterMemory } from "rate-limiter-flexible";
  export default RateLimiterMemory;
}
