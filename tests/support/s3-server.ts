import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Location } from "@/lib/config/storage-url.mjs";

/** s3rver's fixed credentials; the SDK takes them from the standard variables, as in production. */
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };

/**
 * A real S3-compatible server for the tests (s3rver, an S3 API over a
 * folder), on a free port with a throwaway folder and one bucket. Returns
 * the STORAGE_URL that selects it and the location it parses to.
 */
export async function startS3Server(bucket = "receipts") {
  Object.assign(process.env, CREDENTIALS);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cancelcase-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    storageUrl: (prefix = "") =>
      `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`,
    location: (prefix = ""): S3Location => ({
      bucket,
      prefix: prefix ? `${prefix.replace(/\/+$/, "")}/` : "",
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
    }),
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
