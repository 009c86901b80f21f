// The benchmark's bucket: an s3rver in a process of its own. s3rver 3.7.1
// encodes a listing's continuation token with DES, which OpenSSL 3 (Node ≥ 17)
// keeps in its legacy provider only, so any listing past 1,000 keys (the
// start-up sweep over the data set's 2,005 receipts) answers 500. This
// process runs with --openssl-legacy-provider; the app under test never does.
// The tests' buckets stay far below 1,000 keys (tests/support/s3-server.ts).
import fs from "node:fs";
import S3rver from "s3rver";

const directory = process.argv[2];
fs.mkdirSync(directory, { recursive: true });
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: "receipts", configs: [] }],
});
const { port } = await server.run();
process.send({ port });
// Gone with the benchmark, however it ends.
process.on("disconnect", () => server.close().finally(() => process.exit(0)));
