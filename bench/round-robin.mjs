// The load balancer of the two-instance benchmark (bench/postgres.mjs): each
// request to the next instance in turn, as nginx's default upstream does. A
// copy of tests/e2e/round-robin.ts with kept-alive upstream connections, as
// nginx's `keepalive` keeps them: a new TCP connection per request would
// charge the two-instance run a cost no production proxy pays.
import http from "node:http";

export async function startRoundRobin() {
  let ports = [];
  let turn = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: ports[turn++ % ports.length],
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    // A client that goes mid-answer (autocannon ends a run with requests in
    // flight) must free the upstream socket: left unread, it is never returned
    // to the agent, and a capped pool then stalls every later request.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** The instances to spread requests over (their base URLs). */
    route(instances) {
      ports = instances.map((url) => Number(new URL(url).port));
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
