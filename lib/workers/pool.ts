import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import {
  fileWorkerHeapMb,
  fileWorkerIdleMs,
  fileWorkerThreads,
  hostileWorkerFile,
} from "@/lib/config";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import type { HostAnswer, HostOptions, HostRequest } from "./file-host";
import type { HostileJob, HostileOutcome, HostileValue, LimitBroken } from "./hostile-jobs";

// Every parse or render of an uploaded file (a statement, a subscriptions
// file, an .eml, a receipt going into the dispute pack) runs here, never on
// the thread that serves requests: an 892-byte PDF that inflates to 256 MiB
// held a server process for 18 s and left it 576 MiB larger. The work goes
// to the file reader (./file-host.ts), a child process started on demand
// and ended once idle, so nothing stays resident; inside it, a piscina pool
// (5.3.2; the maintained pool of the Node.js project's own contributors)
// runs each job in a worker thread with its own heap limit (resourceLimits:
// a thread past it is ended, and a new one takes the next job), and a job
// aborted by its time limit ends its thread. Memory outside the heap (a
// decoded image, inflated bytes) is held down by the caps read from the
// file's own bytes first (./file-limits.ts). The queue is bounded here,
// before any work: past it the request is a 503 with Retry-After.

/** A job waits for a thread behind at most this many others; past that the request is a 503. */
const QUEUE_MAX = 8;
/** A reader that has not answered this long after a job's own time limit is ended. */
const STUCK_GRACE_MS = 10_000;

const TIMEOUT_MS: Record<HostileJob["kind"], number> = {
  statement: 30_000,
  subscriptions: 30_000,
  email: 10_000,
  "receipt-pdf": 20_000,
  "receipt-image": 20_000,
  "pack-fonts": 30_000,
};

type Waiting = {
  resolve: (outcome: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

type Reader = {
  child: ChildProcess;
  waiting: Map<number, Waiting>;
  idle?: NodeJS.Timeout;
  /** Takes no new jobs; ends once those it holds are answered. */
  retired?: boolean;
};

const cache = globalThis as { fileReader?: Reader; fileReaderJobs?: number };

function startReader(): Reader {
  const jobsFile = hostileWorkerFile();
  const options: HostOptions = {
    jobsFile,
    threads: fileWorkerThreads(),
    heapMb: fileWorkerHeapMb(),
  };
  const child = fork(
    path.join(/* turbopackIgnore: true */ path.dirname(jobsFile), "file-host.cjs"),
    [JSON.stringify(options)],
    // Plain Node (no loaders, no inspector flags of the parent); structured
    // clone, so bytes cross as bytes.
    { execArgv: [], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const reader: Reader = { child, waiting: new Map() };
  child.on("message", (answer: HostAnswer) => {
    if ("retire" in answer) {
      if (cache.fileReader === reader) cache.fileReader = undefined;
      reader.retired = true;
      if (reader.waiting.size === 0) stopReader(reader);
      return;
    }
    const waiting = reader.waiting.get(answer.id);
    if (!waiting) return;
    settle(reader, answer.id);
    if ("error" in answer) waiting.reject(asLimitError(answer.error));
    else waiting.resolve(answer.outcome);
  });
  child.on("exit", () => {
    if (cache.fileReader === reader) cache.fileReader = undefined;
    clearTimeout(reader.idle);
    // A reader that died with jobs in hand: ended as stuck, or out of memory outside a thread.
    for (const [id, waiting] of reader.waiting) {
      settle(reader, id);
      waiting.reject(new FileLimitError("memory"));
    }
  });
  child.on("error", () => child.kill("SIGKILL"));
  return reader;
}

/** A job is done (or failed): once the reader has nothing left, it ends after the idle time. */
function settle(reader: Reader, id: number): void {
  clearTimeout(reader.waiting.get(id)?.timer);
  reader.waiting.delete(id);
  if (reader.waiting.size > 0) return;
  if (reader.retired) return stopReader(reader);
  // Idle: the server may exit without waiting for it.
  reader.child.channel?.unref();
  reader.idle = setTimeout(() => stopReader(reader), fileWorkerIdleMs());
  reader.idle.unref();
}

function stopReader(reader: Reader): void {
  if (cache.fileReader === reader) cache.fileReader = undefined;
  if (reader.child.connected) reader.child.disconnect();
  setTimeout(() => reader.child.kill("SIGKILL"), 2000).unref();
}

/** Whether the file reader process is running (it is not once it has been idle). */
export function fileReaderRunning(): boolean {
  return cache.fileReader !== undefined;
}

/** Ends the file reader now (tests; the server ends it with itself). */
export async function stopFileReader(): Promise<void> {
  const reader = cache.fileReader;
  if (!reader) return;
  const exited = new Promise((resolve) => reader.child.once("exit", resolve));
  stopReader(reader);
  await exited;
}

function send(job: HostileJob, timeoutMs: number): Promise<unknown> {
  const reader = (cache.fileReader ??= startReader());
  if (reader.waiting.size >= fileWorkerThreads() + QUEUE_MAX) throw busy();
  clearTimeout(reader.idle);
  reader.child.channel?.ref();
  const id = (cache.fileReaderJobs = (cache.fileReaderJobs ?? 0) + 1);
  return new Promise((resolve, reject) => {
    // Its own time limit ends the job inside the reader; a reader that does not answer at all is ended.
    const timer = setTimeout(() => reader.child.kill("SIGKILL"), timeoutMs + STUCK_GRACE_MS);
    reader.waiting.set(id, { resolve, reject, timer });
    const request: HostRequest = { id, job, timeoutMs };
    reader.child.send(request, (error) => {
      if (!error || !reader.waiting.has(id)) return;
      settle(reader, id);
      reject(busy());
    });
  });
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
  const outcome = (await send(job, options.timeoutMs ?? TIMEOUT_MS[job.kind])) as HostileOutcome<
    HostileValue<J["kind"]>
  >;
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

/** A thread's failure, as the reader reported it. */
function asLimitError({ name, code, message }: { name?: string; code?: string; message?: string }) {
  if (message === "Task queue is at limit") return busy();
  if (name === "AbortError" || name === "TimeoutError") return new FileLimitError("time");
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return new FileLimitError("memory");
  return new Error(message ?? "the file could not be read");
}
