// @ts-check
// Next.js answers a path with broken percent-encoding (/api/v1/x/%) with a
// 500; such a request is the client's mistake, so it is refused here as 400.
import { refuse } from "../middleware.mjs";

/** @param {string | undefined} url */
function hasValidEncoding(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0] ?? "");
    return true;
  } catch {
    return false;
  }
}

/** @returns {import("../middleware.mjs").Middleware} */
export function urlEncoding() {
  return (req, res, next) => {
    if (!hasValidEncoding(req.url)) {
      return refuse(res, 400, "bad_request", "The URL is not correctly percent-encoded.");
    }
    next();
  };
}
