import "server-only";
import { Piscina } from "piscina";
import { fileWorkerIdleMs, fileWorkerThreads, hostileWorkerFile } from "@/lib/config";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import type { HostileJob, HostileOutcome, HostileValue, LimitBroken } from "./hostile-jobs";

// Every parse or render of an uploaded file (a statement, a subscriptions
// file, an .eml, a receipt going into the dispute pack) runs here, in worker
// threads, never on the thread that serves requests: an 892-byte PDF that
// inflates to 256 MiB held a server process for 18 s and left it 576 MiB
// larger. piscina (5.3.2, Node ≥ 20; the maintained pool of the Node.js
// project's own contributors) gives the pieces: threads made on demand and
// ended after an idle while (nothing stays resident), a bounded queue,
// per-thread heap limits (resourceLimits: a thread past them is ended, and a
// new one takes the next job), and a job aborted by its signal ends its
// thread. Memory outside the heap (a decoded image, inflated bytes) is held
// down by the caps read from the file's own bytes first (./file-limits.ts).

/** A job waits for a thread behind at most this many others; past that the request is a 503. */
const QUEUE_MAX = 8;
/** The heap one job may use; a thread past it is ended and the job fails as over the limit. */
const HEAP_MB = 192;

const TIMEOUT_MS: Record<HostileJob["kind"], number> = {
  statement: 30_000,
  subscriptions: 30_000,
  email: 10_000,
  "receipt-pdf": 20_000,
  "receipt-image": 20_000,
  "pack-fonts": 30_000,
};

const cache = globalThis as { hostilePool?: Piscina };

function pool(): Piscina {
  cache.hostilePool ??= new Piscina({
    filename: hostileWorkerFile(),
    minThreads: 0,
    maxThreads: fileWorkerThreads(),
    idleTimeout: fileWorkerIdleMs(),
    maxQueue: QUEUE_MAX,
    // Jobs are async (streams, pdf-lib's promises): no blocking wait between them.
    atomics: "disabled",
    resourceLimits: {
      maxOldGenerationSizeMb: HEAP_MB,
      maxYoungGenerationSizeMb: 16,
      codeRangeSizeMb: 16,
      stackSizeMb: 4,
    },
  });
  return cache.hostilePool;
}

/** How many threads the pool holds now (0 once every thread has idled out). */
export function fileWorkerThreadCount(): number {
  return cache.hostilePool?.threads.length ?? 0;
}

/** A job refused, or ended, for breaking a limit; the caller says so in the user's language. */
export class FileLimitError extends Error {
  constructor(readonly limit: LimitBroken | "time" | "memory") {
    super(`the file broke the ${limit} limit`);
    this.name = "FileLimitError";
  }
}

export function isFileLimitError(error: unknown): error is FileLimitError {
  return error instanceof Error && error.name === "FileLimitError";
}

/**
 * Runs one job in the pool. Resolves with its value; rejects with the
 * job's own AppError (a bad row, an unreadable file), a FileLimitError (a
 * cap, the time limit, the heap limit), or a "busy" AppError (503 with
 * Retry-After) when the queue is full, before any work.
 */
export async function runFileJob<J extends HostileJob>(
  job: J,
  options: { timeoutMs?: number } = {},
): Promise<HostileValue<J["kind"]>> {
  const piscina = pool();
  if (piscina.queueSize >= QUEUE_MAX) throw busy();
  let outcome: HostileOutcome<HostileValue<J["kind"]>>;
  try {
    outcome = await piscina.run(job, {
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS[job.kind]),
    });
  } catch (error) {
    throw asLimitError(error);
  }
  if (outcome.ok) return outcome.value;
  if ("limit" in outcome) throw new FileLimitError(outcome.limit);
  const { code, message, ...extra } = outcome.appError;
  throw new AppError(code as AppErrorCode, message, extra);
}

/**
 * A file that broke a limit, as an upload's answer: 422 with the field code
 * the forms translate (errors.file_too_complex).
 */
export function fileTooComplex(): AppError {
  return new AppError(
    "unprocessable",
    "This file could not be read within the memory and time the server allows one file.",
    { fields: { file: ["file_too_complex"] } },
  );
}

/** runFileJob for an upload: a broken limit is the 422 above. */
export async function readUploadInPool<J extends HostileJob>(
  job: J,
): Promise<HostileValue<J["kind"]>> {
  try {
    return await runFileJob(job);
  } catch (error) {
    throw isFileLimitError(error) ? fileTooComplex() : error;
  }
}

function busy(): AppError {
  return new AppError("busy", "Files are being read for others. Try again shortly.", {
    retryAfterSeconds: 5,
  });
}

function asLimitError(error: unknown): Error {
  const { name, code, message } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
  };
  if (message === "Task queue is at limit") return busy();
  if (name === "AbortError" || name === "TimeoutError") return new FileLimitError("time");
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return new FileLimitError("memory");
  return error instanceof Error ? error : new Error(String(error));
}
