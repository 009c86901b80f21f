import fs from "node:fs";
import path from "node:path";

/**
 * "GET /api/v1/cases/{id}" (or ":id", with `param: ":"`) for each exported
 * method of each route.ts under app/api/v1: the API as it is on disk, which
 * the OpenAPI document and the access matrix are both checked against.
 */
export function apiRoutesOnDisk({ param = "{}" }: { param?: "{}" | ":" } = {}): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url = `/${path
          .relative("app", dir)
          .split(path.sep)
          .map((part) => part.replace(/^\[(\w+)\]$/, param === ":" ? ":$1" : "{$1}"))
          .join("/")}`;
        for (const [, method] of fs
          .readFileSync(full, "utf8")
          .matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          found.push(`${method} ${url}`);
        }
      }
    }
  };
  walk(path.join("app", "api", "v1"));
  return found.sort();
}
