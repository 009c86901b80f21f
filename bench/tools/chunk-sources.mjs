// Which source files a built browser chunk's bytes come from, read from its
// source map: `node bench/tools/chunk-sources.mjs .next/static/chunks <name> …`
// (names as bench/tools/route-js.mjs prints them, without `.js`). Needs a
// build with source maps: add `productionBrowserSourceMaps: true` to
// next.config.mjs in a worktree (it changes the build) and run `next build`
// there. Sizes are the raw bytes of generated code each source maps to.
import fs from "node:fs";
import zlib from "node:zlib";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One VLQ segment of a source map's mappings as numbers. */
function decode(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

const [dir, ...names] = process.argv.slice(2);
for (const name of names) {
  const file = `${dir}/${name}.js`;
  const code = fs.readFileSync(file, "utf8");
  const mapName = /sourceMappingURL=(\S+)/.exec(code)?.[1];
  if (!mapName)
    throw new Error(`${file} has no source map: build with productionBrowserSourceMaps`);
  const map = JSON.parse(fs.readFileSync(`${dir}/${mapName}`, "utf8"));
  const lines = code.split("\n");
  const sizes = new Map();
  for (const section of map.sections ?? [{ offset: { line: 0, column: 0 }, map }]) {
    const { sources, mappings } = section.map;
    if (!sources) continue;
    let source = 0;
    let line = section.offset.line;
    const segments = [];
    for (const text of mappings.split(";")) {
      let column = 0;
      for (const segment of text.split(",")) {
        if (!segment) continue;
        const values = decode(segment);
        column += values[0];
        if (values.length > 1) source += values[1];
        const start = (line === section.offset.line ? section.offset.column : 0) + column;
        segments.push([line, start, values.length > 1 ? sources[source] : null]);
      }
      line++;
    }
    segments.forEach(([at, start, from], i) => {
      const next = segments[i + 1];
      const length = next && next[0] === at ? next[1] - start : (lines[at]?.length ?? 0) - start;
      if (from) sizes.set(from, (sizes.get(from) ?? 0) + Math.max(0, length));
    });
  }
  const gz = zlib.gzipSync(code).length;
  console.log(
    `${name}.js: ${(code.length / 1000).toFixed(1)} kB raw, ${(gz / 1000).toFixed(1)} gzipped`,
  );
  for (const [from, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(
      `  ${(size / 1000).toFixed(1).padStart(6)}  ${from.replace(/.*\[project\]\//, "")}`,
    );
}
