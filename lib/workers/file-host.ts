import { createRequire } from "node:module";
import path from "node:path";
import type { Piscina as PiscinaPool } from "piscina";
import type { HostileJob } from "./hostile-jobs";

// The file reader: a child process of a server process (./pool.ts starts it
// on demand and ends it once idle) that holds the thread pool where every
// uploaded file is parsed or rendered. The threads give each job its own
// heap limit; the process gives back everything once it ends. Measured
// here (bench/hostile.mjs): threads in the serving process left it 90 to
// 180 MiB larger after a dispute pack, in glibc's arenas, which keep what
// threads freed; a process that exits returns all of it.
// Bundled by scripts/build-workers.mjs; piscina is loaded from the app's
// node_modules (bundled, it would not find its own worker file).

/** What the parent passes as the one argument, in JSON. */
export type HostOptions = { jobsFile: string; threads: number; heapMb: number };
export type HostRequest = { id: number; job: HostileJob; timeoutMs: number };
export type HostAnswer =
  | { id: number; outcome: unknown }
  | { id: number; error: { name?: string; code?: string; message?: string } }
  | { retire: true };

const { Piscina } = createRequire(path.join(process.cwd(), "package.json"))(
  "piscina",
) as typeof import("piscina");

const options = JSON.parse(process.argv[2] ?? "{}") as HostOptions;

/** Per-thread limits: a thread past its heap is ended, and the job fails as over the memory limit. */
const pool: PiscinaPool = new Piscina({
  filename: options.jobsFile,
  minThreads: 0,
  maxThreads: options.threads,
  // The parent bounds the queue and ends this process once idle.
  idleTimeout: 2_147_483_647,
  // Jobs are async (streams, pdf-lib's promises): no blocking wait between them.
  atomics: "disabled",
  resourceLimits: {
    maxOldGenerationSizeMb: options.heapMb,
    maxYoungGenerationSizeMb: 16,
    codeRangeSizeMb: 16,
    stackSizeMb: 4,
  },
});

const answer = (message: HostAnswer) => process.send?.(message);

// After a thread ran out of heap, piscina 5.3.2 may leave the pool unable to
// start the next thread (measured: the next job waited out its time limit).
// This reader then retires: it finishes the jobs it holds, and the server
// starts a fresh reader for the next ones.
const retire = () => answer({ retire: true });

/** The jobs this reader holds, by id. */
const held = new Set<number>();

// A thread that fails with no job of its own: one that ran out of heap while
// it started (piscina then starts no other, and the jobs queued behind it
// would wait out their time limits), or after its job was answered. The jobs
// held are answered with that failure, and the reader retires. Unheard, the
// event would end this process and every job in it.
pool.on("error", (error: unknown) => {
  const { name, code, message } = (error ?? {}) as Record<string, string | undefined>;
  console.error("[cancelcase] a file worker thread failed:", message ?? error);
  for (const id of held) answer({ id, error: { name, code, message } });
  held.clear();
  retire();
});

process.on("message", (request: HostRequest) => {
  held.add(request.id);
  pool.run(request.job, { signal: AbortSignal.timeout(request.timeoutMs) }).then(
    (outcome: unknown) => {
      if (held.delete(request.id)) answer({ id: request.id, outcome });
    },
    (error: unknown) => {
      const { name, code, message } = (error ?? {}) as Record<string, string | undefined>;
      if (held.delete(request.id)) answer({ id: request.id, error: { name, code, message } });
      if (code === "ERR_WORKER_OUT_OF_MEMORY") retire();
    },
  );
});

// The server process went away, or ended this one as idle.
process.on("disconnect", () => process.exit(0));
