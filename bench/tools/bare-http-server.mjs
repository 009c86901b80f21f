// @ts-check
// The ceiling of any Node.js server on this machine, for `npm run bench`:
// Node.js's own HTTP server answering one file's bytes from memory, with no
// app, no middleware and no framework, in as many processes as npm start
// runs (a cluster, round-robin, as server/supervisor.mjs). The static-file
// budget (issue 37) is measured against it and against nginx.
// Usage: node bench/tools/bare-http-server.mjs <file> <port> <processes>
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";

const [file = "public/robots.txt", port = "0", processes = "1"] = process.argv.slice(2);

if (cluster.isPrimary && Number(processes) > 1) {
  for (let i = 0; i < Number(processes); i++) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === Number(processes)) console.log("listening");
  });
} else {
  const body = fs.readFileSync(file);
  const headers = {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "public, max-age=0",
  };
  http
    .createServer((req, res) => {
      res.writeHead(200, headers);
      res.end(body);
    })
    .listen(Number(port), "127.0.0.1", () => {
      if (cluster.isPrimary) console.log("listening");
    });
}
