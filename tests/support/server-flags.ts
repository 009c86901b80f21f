import fs from "node:fs";
import path from "node:path";

/**
 * The Node.js flags of package.json's `start` script (the server's heap
 * limit), so that tests and benchmarks run the server exactly as `npm start`.
 */
export function serverNodeFlags(): string[] {
  // Tests, Playwright and the bench all run from the repository root.
  const file = path.resolve("package.json");
  const { scripts } = JSON.parse(fs.readFileSync(file, "utf8")) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((arg) => arg.startsWith("--"));
}
