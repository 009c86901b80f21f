// V8 keeps the source text of every script it loads, and keeps it as one
// byte per character only when every character is Latin-1; a single "…" or
// "⚠️" in a 1.26 MB server chunk makes V8 hold all of it at two bytes per
// character. Turbopack's server chunks had 31 such files (a few characters
// each, in messages and error strings), so each serving worker held their
// source twice as large as it needed (issue 37, bench/memory.mjs). After
// the build, each character past Latin-1 in the server's JavaScript is
// written as its \uXXXX escape, which means the same character wherever
// minified code holds one: a string or template literal, a regular
// expression (with or without the u flag, surrogate pairs as two escapes),
// an identifier, a comment.
//
// Two cases where it would not, left alone: a file with a line separator
// (U+2028/9), which ends a // comment where its escape would not, and a
// character escaped in the source with a backslash ("\…"), whose escape
// takes that backslash's place. Every rewritten file is parsed before it
// is written; one that does not parse stays as it was.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { jsFiles } from "./dedupe-chunks.mjs";

const PAST_LATIN1 = /(\\*)([^\u0000-\u00ff])/g;
const LINE_SEPARATORS = /[\u2028\u2029]/;

/** @param {number} unit a UTF-16 code unit */
const escape = (unit) => `\\u${unit.toString(16).padStart(4, "0")}`;

/**
 * JavaScript source with every character past Latin-1 escaped, or null when
 * it has none or cannot be rewritten safely (a line separator).
 * @param {string} text
 * @returns {string | null}
 */
export function latin1Source(text) {
  if (!/[^\u0000-\u00ff]/.test(text) || LINE_SEPARATORS.test(text)) return null;
  // One code unit at a time: an astral character is two surrogates, two escapes.
  return text.replace(PAST_LATIN1, (_, slashes, unit) => {
    // An odd run of backslashes escapes the character itself ("\…" is "…"):
    // its escape replaces that last backslash.
    const kept = slashes.length % 2 === 1 ? slashes.slice(0, -1) : slashes;
    return kept + escape(unit.charCodeAt(0));
  });
}

/**
 * Rewrites the server's JavaScript under serverDir as Latin-1 source.
 * Returns how many files changed and how many characters they hold.
 * @param {string} serverDir
 */
export function latin1ServerChunks(serverDir) {
  let files = 0;
  let chars = 0;
  for (const file of jsFiles(serverDir)) {
    const text = fs.readFileSync(file, "utf8");
    const next = latin1Source(text);
    if (next === null) continue;
    try {
      // Syntax only: nothing runs.
      new vm.Script(next, { filename: path.basename(file) });
    } catch {
      continue;
    }
    fs.writeFileSync(file, next);
    files++;
    chars += next.length;
  }
  return { files, chars };
}
