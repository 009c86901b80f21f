// @ts-check
// The end of the request path: Next.js's own handler, which renders pages,
// runs actions and route handlers, and serves the static files (public/ and
// the build's _next/static assets).

/**
 * @param {(req: import("../middleware.mjs").Request, res: import("../middleware.mjs").Response) => Promise<void>} handle
 * @returns {import("../middleware.mjs").Middleware}
 */
export function nextApp(handle) {
  return (req, res) => {
    handle(req, res).catch((error) => {
      console.error("request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}
