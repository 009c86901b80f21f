// @ts-check
// Writes to a page (server actions, a form posted to a page) meet the one
// Origin rule here, before Next.js: its own check answers a foreign Origin
// with a 500 and a logged error (lib/http/write-origin.mjs). The API's
// handlers apply the same rule themselves, since only they know whether a
// request is cookie-authenticated (a Bearer token needs no Origin). Runs
// before forwarded-headers: with TRUST_PROXY the proxy's X-Forwarded-Host
// and -Proto name the origin the browser used.
import { baseOrigin, writeOriginRefusal } from "../../lib/http/write-origin.mjs";
import { NOT_A_PAGE, refuse } from "../middleware.mjs";
import { hasSessionCookie } from "../signed-in.mjs";

const ORIGIN_REFUSALS = {
  origin_foreign:
    "This change came from a page at another address than this server's, so it is refused.",
  origin_missing: "A signed-in change must say which page it came from (an Origin header).",
};

/**
 * @param {{ trustProxy: boolean }} options
 * @returns {import("../middleware.mjs").Middleware}
 */
export function pageWriteOrigin({ trustProxy }) {
  return (req, res, next) => {
    if (NOT_A_PAGE.test(req.url ?? "/")) return next();
    const refusal = writeOriginRefusal({
      method: req.method,
      headers: req.headers,
      cookieAuthenticated: hasSessionCookie(req.headers.cookie),
      trustProxy,
      base: baseOrigin(),
    });
    if (refusal) {
      return refuse(res, 403, "forbidden", ORIGIN_REFUSALS[refusal], { Connection: "close" });
    }
    next();
  };
}
