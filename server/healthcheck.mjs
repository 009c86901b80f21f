// @ts-check
// The container's HEALTHCHECK (Dockerfile): this instance's /api/health, as
// a load balancer asks it (200 when the database and the receipt storage
// answer). Exits 0 when healthy, 1 otherwise.
import { setting } from "../lib/config/settings.mjs";

const host = setting("HOST");
// Listening on every interface: ask over loopback.
const target = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host;
const url = `http://${target.includes(":") && !target.startsWith("[") ? `[${target}]` : target}:${setting("PORT")}/api/health`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
