// @ts-check
// A request body too large for where it goes is refused at the door, before
// any of it is read (Next.js and next-auth would buffer it whole first).
//
// Bodies: a receipt upload and a statement import stream to disk under
// their own limits (lib/http/multipart.ts); a subscription import is a file
// of up to 2 MiB (lib/http/subscription-import.ts, the README) in a multipart
// envelope; every other body (JSON, a server action, a sign-in form) is at
// most 1 MiB, the JSON limit and Next's server-action limit.
import { refuse } from "../middleware.mjs";

/** @typedef {import("../middleware.mjs").Request} Request */
/** @typedef {import("../middleware.mjs").Response} Response */

const BODY_MAX_BYTES = 1024 * 1024;
const UPLOAD_PATH = /^\/api\/v1\/(cases\/[^/]+\/receipts|imports)\/?$/;
const SUBSCRIPTION_IMPORT_PATH = /^\/api\/v1\/subscriptions\/import\/?$/;
/** 2 MiB of file, and room for the multipart boundaries, headers and the dryRun field. */
const SUBSCRIPTION_IMPORT_MAX_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/**
 * The most bytes this request's body may have here, or null when its handler streams it.
 * @param {Request} req
 */
function bodyLimit(req) {
  if (req.method === "GET" || req.method === "HEAD") return null;
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (UPLOAD_PATH.test(path)) return null;
  return SUBSCRIPTION_IMPORT_PATH.test(path) ? SUBSCRIPTION_IMPORT_MAX_BYTES : BODY_MAX_BYTES;
}

/** @param {number} limit */
const tooLargeMessage = (limit) =>
  `The request body is larger than ${limit === BODY_MAX_BYTES ? "1 MiB" : "2 MiB"}.`;

/**
 * A body sent without a length (chunked) is counted as the HTTP parser hands
 * it over: past the limit the request is answered 413 and the connection
 * closed, whoever was reading it.
 *
 * This overrides IncomingMessage's push(), which no public API offers a
 * replacement for: Node's http server has no body-size option (only
 * maxHeaderSize), a 'data' listener would switch the stream to flowing and
 * take the bytes from the reader Next.js attaches later, and handing Next.js
 * a counting stream instead of the request is not possible (its handler
 * wants the IncomingMessage itself, socket and headers included). push() is
 * where the parser delivers every chunk, before any reader can buffer it.
 * @param {Request} req
 * @param {Response} res
 * @param {number} limit
 */
function capChunkedBody(req, res, limit) {
  const push = req.push;
  let received = 0;
  /** @type {typeof req.push} */
  const counting = (chunk, encoding) => {
    if (chunk) {
      received += chunk.length;
      if (received > limit) {
        req.push = push;
        if (!res.headersSent) {
          refuse(res, 413, "payload_too_large", tooLargeMessage(limit), {
            Connection: "close",
          });
        }
        req.destroy();
        return false;
      }
    }
    return push.call(req, chunk, encoding);
  };
  req.push = counting;
}

/** @returns {import("../middleware.mjs").Middleware} */
export function bodyLimitMiddleware() {
  return (req, res, next) => {
    const limit = bodyLimit(req);
    if (limit === null) return next();
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      // Answer at once and close: the rest of the body is never read.
      return refuse(res, 413, "payload_too_large", tooLargeMessage(limit), {
        Connection: "close",
      });
    }
    if (req.headers["content-length"] === undefined) capChunkedBody(req, res, limit);
    next();
  };
}
