import http from "node:http";
import type { AddressInfo } from "node:net";

// A load balancer for tests (node's http module, no dependency): each request
// goes to the next instance in turn, as nginx's default upstream does. A
// test may name the instance with the X-Test-Instance header (0, 1, …), which
// is removed on the way; every request still comes from this proxy's address,
// as it would behind a real one.

export type RoundRobin = {
  url: string;
  /** The instances to spread requests over (their http://localhost:PORT URLs). */
  route(instances: string[]): void;
  /** Which instance (its index) answered each request, in order. */
  answeredBy: number[];
  close(): Promise<void>;
};

export async function startRoundRobin(): Promise<RoundRobin> {
  let ports: number[] = [];
  let turn = 0;
  const answeredBy: number[] = [];
  const server = http.createServer((req, res) => {
    const named = req.headers["x-test-instance"];
    delete req.headers["x-test-instance"];
    const index = named === undefined ? turn++ % ports.length : Number(named);
    answeredBy.push(index);
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: ports[index],
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    route(instances) {
      ports = instances.map((url) => Number(new URL(url).port));
    },
    answeredBy,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
