import { randomBytes } from "node:crypto";
import http from "node:http";

// A receipt upload (POST /api/v1/cases/:id/receipts) written by hand over raw
// HTTP, for the crash specs (crash.spec.ts, scale-out-crash.spec.ts): the
// test sets the pace of the body, so a server can be killed while the upload
// is still in flight, which Playwright's request (one buffered body) cannot do.

export type HandUpload = {
  /** The answer's status; 0 when the connection broke first. */
  status: Promise<number>;
  /** Resolves once every byte before `pauseAt` has left for the server. */
  sent: Promise<void>;
};

/**
 * Writes the multipart body in `chunkBytes` pieces, `delayMs` apart. With
 * `pauseAt`, it stops after that many bytes of the file and never finishes
 * (the server is expected to die meanwhile); without, it ends the body.
 */
export function handUpload(
  url: string,
  token: string,
  caseId: string,
  file: { name: string; body: Buffer },
  {
    chunkBytes = 64 * 1024,
    delayMs = 0,
    pauseAt,
  }: {
    chunkBytes?: number;
    delayMs?: number;
    pauseAt?: number;
  } = {},
): HandUpload {
  const boundary = `----cancelcase${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nconfirmation\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { body } = file;
  const stopAt = Math.min(pauseAt ?? body.length, body.length);
  const { hostname, port } = new URL(url);
  let markSent = () => {};
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const status = new Promise<number>((resolve) => {
    const request = http.request(
      {
        method: "POST",
        hostname,
        port,
        path: `/api/v1/cases/${caseId}/receipts`,
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": head.length + body.length + tail.length,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", () => resolve(0));
    request.write(head);
    let offset = 0;
    const pump = () => {
      if (offset >= stopAt) {
        if (stopAt < body.length) return;
        request.end(tail, () => markSent());
        return;
      }
      const piece = body.subarray(offset, Math.min(offset + chunkBytes, stopAt));
      offset += piece.length;
      const last = offset >= stopAt && stopAt < body.length;
      request.write(piece, last ? () => markSent() : undefined);
      if (delayMs > 0) setTimeout(pump, delayMs);
      else setImmediate(pump);
    };
    pump();
  });
  return { status, sent };
}
