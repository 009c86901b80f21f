// What the benchmark asks of the server and how (bench/run.mjs drives it):
// each user's scenarios (pages, API lists, writes), the headers a browser
// sends, and one autocannon run with the server's CPU time read around it.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import Database from "better-sqlite3";

/** Cases a transition benchmark can move back and forth, with their versions (read before the server starts). */
export function movableCases(dbFile, email) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT c.id, c.state, c.version FROM CancellationCase c JOIN User u ON u.id = c.userId
         WHERE u.email = ? AND c.state != 'withdrawn' ORDER BY c.openedAt`,
      )
      .all(email);
  } finally {
    db.close();
  }
}

/**
 * The case whose page a benchmark reads for a user: the heavy user's long
 * case (200 timeline entries), anyone else's first submitted one.
 */
export function pageCaseId(dbFile, dataset, who) {
  if (who === "heavy") return dataset.heavyLongCase;
  return movableCases(dbFile, dataset[who].email).find((c) => c.state === "request_submitted")?.id;
}

/**
 * The bench's two users, each with the case whose page is measured, another
 * that writes go to, and 40 more that transitions move, so the page measured
 * does not grow during the run.
 */
export function benchUsers(dbFile, dataset) {
  return ["heavy", "typical"].map((name) => {
    const caseId = pageCaseId(dbFile, dataset, name);
    const others = movableCases(dbFile, dataset[name].email).filter((c) => c.id !== caseId);
    return {
      name,
      email: dataset[name].email,
      caseId,
      writeCaseId: others[0].id,
      movable: others.slice(1, 41),
    };
  });
}

// A move that is always allowed from each state, so a case can cycle for ever.
const NEXT = {
  open: "bill_checked",
  bill_checked: "request_submitted",
  data_backed_up: "request_submitted",
  payment_unlinked: "request_submitted",
  request_submitted: "rejected",
  identity_verified: "rejected",
  under_review: "rejected",
  rejected: "request_submitted",
  confirmation_received: "under_review",
};

function multipart(boundary, unique) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nconfirmation\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-${unique}.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const line = "Final bill and cancellation confirmation, benchmark copy.\n";
  const body = Buffer.alloc(1_000_000, line);
  body.write(`unique ${unique} ${randomBytes(8).toString("hex")}\n`, 0);
  return Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]);
}

/** The scenarios for one user: what is requested and how. */
export function scenarios(user) {
  const page = (name, url) => ({
    name,
    group: "page",
    path: url,
    headers: { cookie: user.auth.cookie },
  });
  const api = (name, url) => ({
    name,
    group: "api",
    path: url,
    headers: { authorization: user.auth.bearer },
  });
  const pool = [];
  let uploads = 0;
  const boundary = "----cancelcasebench";
  return [
    page("dashboard", "/dashboard"),
    page("subscriptions page", "/subscriptions"),
    page("cases list", "/cases"),
    page("cases list, filtered", "/cases?state=request_submitted"),
    page("case page", `/cases/${user.caseId}`),
    page("notes search", `/notes?q=${encodeURIComponent("refund")}`),
    api("GET /api/v1/subscriptions", "/api/v1/subscriptions?limit=50"),
    api("GET /api/v1/cases", "/api/v1/cases?limit=50"),
    api("GET /api/v1/notes?q=", `/api/v1/notes?q=refund&limit=50`),
    {
      name: "create a note",
      group: "write",
      method: "POST",
      path: `/api/v1/cases/${user.writeCaseId}/notes`,
      headers: { authorization: user.auth.bearer, "content-type": "application/json" },
      body: JSON.stringify({
        channel: "phone",
        occurredAt: "2026-11-20T10:00:00Z",
        summary: "Called to confirm the cancellation.",
      }),
    },
    {
      name: "transition",
      group: "write",
      // One case per connection at a time: never two racers on one version.
      maxConnections: user.movable.length,
      // Versions as the server has them (a run cut off mid-request leaves them behind).
      prepare: async (base) => {
        // Requests the warm-up left in flight land first (each moves its case on).
        await new Promise((resolve) => setTimeout(resolve, 1000));
        pool.length = 0;
        for (const kase of user.movable) {
          const response = await fetch(`${base}/api/v1/cases/${kase.id}`, {
            headers: { authorization: user.auth.bearer },
          });
          const { state, version } = await response.json();
          pool.push(Object.assign(kase, { state, version }));
        }
      },
      requests: [
        {
          method: "POST",
          setupRequest: (request, context) => {
            const kase = pool.shift();
            context.kase = kase;
            const to = NEXT[kase.state];
            return {
              ...request,
              path: `/api/v1/cases/${kase.id}/transitions`,
              headers: { authorization: user.auth.bearer, "content-type": "application/json" },
              body: JSON.stringify({
                to,
                expectedVersion: kase.version,
                comment: "Benchmark move.", // reopening a confirmed case needs one
                rejectionReason: to === "rejected" ? "retention" : undefined,
              }),
            };
          },
          onResponse: (status, body, context) => {
            const kase = context.kase;
            if (status === 200) Object.assign(kase, JSON.parse(body));
            else if (process.env.BENCH_DEBUG) console.error(status, kase.state, body.slice(0, 300));
            pool.push(kase);
          },
        },
      ],
    },
    {
      name: "upload a 1 MB receipt",
      group: "write",
      requests: [
        {
          method: "POST",
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/cases/${user.writeCaseId}/receipts`,
            headers: {
              authorization: user.auth.bearer,
              "content-type": `multipart/form-data; boundary=${boundary}`,
            },
            body: multipart(boundary, `${user.name}-${uploads++}`),
          }),
        },
      ],
    },
  ];
}

// What a browser sends: every page and list is measured compressed as it is served to one.
const BROWSER_HEADERS = {
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-US,en;q=0.9",
};
const PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** Each run's warm-up: long enough for V8 to have optimised the route's code (measured: a worker's CPU per page falls by a third over its first ~15 s of one page). */
export const WARM_UP_SECONDS = 2;
const WARM_UP_CONNECTIONS = 4;

export async function cannon(server, scenario, connections, duration) {
  const base = server.base;
  const options = {
    // autocannon takes the path from the URL (a `path` option alone is ignored).
    url: base + (scenario.path ?? ""),
    connections: Math.min(connections, scenario.maxConnections ?? connections),
    duration,
    method: scenario.method ?? "GET",
    headers: {
      ...BROWSER_HEADERS,
      ...(scenario.group === "page" || scenario.html ? { accept: PAGE_ACCEPT } : {}),
      ...scenario.headers,
    },
    body: scenario.body,
    requests: scenario.requests,
  };
  // Warm up the route (JIT, caches, SQLite pages) before measuring, on every
  // worker: the cluster hands connections out in turn, so a warm-up on one
  // connection would warm one worker and the run might land on the other.
  await scenario.prepare?.(base);
  await autocannon({
    ...options,
    connections: Math.min(
      Math.max(options.connections, WARM_UP_CONNECTIONS),
      scenario.maxConnections ?? Infinity,
    ),
    duration: WARM_UP_SECONDS,
  });
  await scenario.prepare?.(base);
  const cpuBefore = server.cpuMs();
  const result = await autocannon(options);
  const cpuMs = server.cpuMs() - cpuBefore;
  return {
    connections: options.connections,
    requests: result.requests.total,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Server CPU (all its processes, user + system) per request answered.
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.requests.total)) * 100) / 100,
    bytesPerRequest: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    // A scenario that measures an error page says which status it expects.
    errors:
      result.errors +
      result.timeouts +
      (scenario.status
        ? result.requests.total - (result.statusCodeStats[scenario.status]?.count ?? 0)
        : result.non2xx),
    rssAfterMiB: Math.round(server.rssMiB()),
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  };
}

/**
 * A server that has served for a while, as users meet it: V8 optimises the
 * code every page shares (Next.js's and React's rendering) over the first
 * seconds of load, so a fresh server's first runs would measure its start.
 */
export async function warmUp(server, cookie, paths, seconds) {
  for (const path of paths)
    await autocannon({
      url: server.base + path,
      connections: WARM_UP_CONNECTIONS,
      duration: seconds / paths.length,
      headers: { ...BROWSER_HEADERS, accept: PAGE_ACCEPT, cookie },
    });
}

/**
 * Requests that take turns among several signed-in sessions (one user, many
 * browsers). `everyViewNew`: each request's URL is one no view had before
 * (a query the page ignores), so none is answered from the page cache.
 */
export function rotating(sessions, { everyViewNew = false } = {}) {
  let next = 0;
  let view = 0;
  return [
    {
      setupRequest: (request) => ({
        ...request,
        path: everyViewNew ? `${request.path}?view=${view++}` : request.path,
        headers: { ...request.headers, cookie: sessions[next++ % sessions.length].cookie },
      }),
    },
  ];
}
