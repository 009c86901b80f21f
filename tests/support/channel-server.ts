import http from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server standing in for one notification service: it records
// each request exactly as it arrived (method, path, headers, raw body) and
// answers what the test set.

export type SeenRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
};

export type Answer = { status: number; body?: string; headers?: Record<string, string> };

export type ChannelServer = {
  base: string;
  host: string;
  /** Every request that arrived whole, answered or held. */
  seen: SeenRequest[];
  /** The requests that got an answer. */
  answered: () => number;
  answer: (next: Answer) => void;
  /** While on, requests are held unanswered (a service that hangs mid-send). */
  stall: (on: boolean) => void;
  close: () => Promise<void>;
};

export async function startChannelServer(): Promise<ChannelServer> {
  const seen: SeenRequest[] = [];
  let reply: Answer = { status: 200, body: "{}" };
  let stalled = false;
  let answered = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (stalled) return;
      answered += 1;
      response.writeHead(reply.status, {
        "Content-Type": "application/json",
        ...reply.headers,
      });
      response.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    seen,
    answered: () => answered,
    answer: (next) => {
      reply = next;
    },
    stall: (on) => {
      stalled = on;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
