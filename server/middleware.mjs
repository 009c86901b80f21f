// @ts-check
// The request path is an ordered list of middlewares, each in its own file
// under middlewares/, each (req, res, next): answer the request itself, or
// change what it must and call next() to hand the request on. compression's
// own middleware has that shape too.

/** @typedef {import("node:http").IncomingMessage} Request */
/** @typedef {import("node:http").ServerResponse} Response */
/** @typedef {(req: Request, res: Response, next: () => void) => void} Middleware */

/**
 * One request handler that runs `middlewares` in order.
 * @param {Middleware[]} middlewares
 * @returns {(req: Request, res: Response) => void}
 */
export function chain(middlewares) {
  return (req, res) => {
    /** @param {number} index */
    const run = (index) => {
      const middleware = middlewares[index];
      if (middleware) middleware(req, res, () => run(index + 1));
    };
    run(0);
  };
}

// What every answer the server gives itself (before Next.js runs) carries.
export const BASE_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * A JSON error in the API's shape, with the headers every response carries.
 * @param {Response} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {Record<string, string>} [extraHeaders]
 */
export function refuse(res, status, code, message, extraHeaders = {}) {
  res.writeHead(status, {
    ...BASE_HEADERS,
    "Content-Type": "application/json",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    ...extraHeaders,
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

// Pages: everything but the API and the client message catalogs (which
// answer with a strict CSP of their own, next.config.mjs) and the build's assets.
export const NOT_A_PAGE = /^\/(api\/|i18n\/|_next\/static\/|_next\/image)/;
