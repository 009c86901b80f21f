import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { QUOTAS, quota } from "@/lib/config/quotas.mjs";
import { setting, SETTINGS } from "@/lib/config/settings.mjs";

type Row = { name: string; defaultCell: string; doc: string };

/** The rows of every table in a Markdown file whose first cell is a `NAME` in code. */
function settingRows(file: string): Row[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      const match = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|(.*)\|\s*$/.exec(line);
      if (!match) return [];
      // Split on pipes that are not escaped (a cell may hold `a \| b`).
      const [defaultCell = "", ...rest] = match[2]!.split(/(?<!\\)\|/).map((cell) => cell.trim());
      return [{ name: match[1]!, defaultCell, doc: rest.join(" | ") }];
    });
}

/** A default cell as a value: its leading code span, else its words before any "(…)". */
function shownDefault(cell: string): string {
  const code = /^`([^`]*)`/.exec(cell);
  return code ? code[1]! : cell.replace(/\s*\(.*$/, "").trim();
}

const names = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];

describe("the settings table (lib/config/settings.mjs)", () => {
  it("is what docs/settings.md lists, row for row", () => {
    const rows = settingRows("docs/settings.md");
    expect(rows.map((row) => row.name)).toEqual(names);
    for (const row of rows) {
      const entry = SETTINGS[row.name as keyof typeof SETTINGS];
      expect({ name: row.name, default: shownDefault(row.defaultCell), doc: row.doc }).toEqual({
        name: row.name,
        default: entry.default,
        doc: entry.doc,
      });
    }
  });

  it("has every setting of README.md's table, with the same default", () => {
    // Whatever rows the README keeps: each must be a setting, shown with its default.
    const rows = settingRows("README.md");
    for (const row of rows) {
      expect(names, `README.md lists ${row.name}`).toContain(row.name);
      expect(shownDefault(row.defaultCell), `README.md's default of ${row.name}`).toBe(
        SETTINGS[row.name as keyof typeof SETTINGS].default,
      );
    }
  });

  it("shows as default what an unset setting parses to", () => {
    for (const name of names) {
      const shown = SETTINGS[name].default;
      // Placeholders ("generated", "unset", $PORT, "the number of cores") are words, not values.
      if (!/^[\w./:-]+$/.test(shown) || ["generated", "unset"].includes(shown)) continue;
      expect(setting(name, {}), name).toEqual(setting(name, { [name]: shown }));
    }
  });

  it("parses TRUST_PROXY once, refusing what is neither true nor false", () => {
    expect(setting("TRUST_PROXY", {})).toBe(false);
    expect(setting("TRUST_PROXY", { TRUST_PROXY: " Yes " })).toBe(true);
    expect(setting("TRUST_PROXY", { TRUST_PROXY: "off" })).toBe(false);
    expect(() => setting("TRUST_PROXY", { TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY/);
  });

  it("takes single sign-on only whole: an issuer needs a client id, https or http URL", () => {
    expect(setting("OIDC_ISSUER", {})).toBeNull();
    expect(
      setting("OIDC_ISSUER", { OIDC_ISSUER: "https://auth.example.com/application/o/cc/" }),
    ).toBe("https://auth.example.com/application/o/cc/");
    expect(() => setting("OIDC_ISSUER", { OIDC_ISSUER: "auth.example.com" })).toThrow(
      /OIDC_ISSUER/,
    );
    expect(() => setting("OIDC_ISSUER", { OIDC_ISSUER: "ftp://auth.example.com" })).toThrow(
      /OIDC_ISSUER/,
    );
    expect(() => setting("OIDC_CLIENT_ID", { OIDC_ISSUER: "https://auth.example.com" })).toThrow(
      /OIDC_CLIENT_ID/,
    );
    expect(
      setting("OIDC_CLIENT_ID", { OIDC_ISSUER: "https://auth.example.com", OIDC_CLIENT_ID: "cc" }),
    ).toBe("cc");
  });

  it("reads OIDC_ALLOWED_DOMAINS as lower-case domains, refusing what is not one", () => {
    expect(setting("OIDC_ALLOWED_DOMAINS", {})).toEqual([]);
    expect(
      setting("OIDC_ALLOWED_DOMAINS", {
        OIDC_ALLOWED_DOMAINS: " Example.COM, @staff.example.org ",
      }),
    ).toEqual(["example.com", "staff.example.org"]);
    expect(() =>
      setting("OIDC_ALLOWED_DOMAINS", { OIDC_ALLOWED_DOMAINS: "example.com,localhost" }),
    ).toThrow(/OIDC_ALLOWED_DOMAINS/);
  });

  it("turns passwords off only when single sign-on is there to sign in with", () => {
    expect(setting("PASSWORD_LOGIN", {})).toBe(true);
    expect(() => setting("PASSWORD_LOGIN", { PASSWORD_LOGIN: "false" })).toThrow(/OIDC_ISSUER/);
    expect(
      setting("PASSWORD_LOGIN", {
        PASSWORD_LOGIN: "false",
        OIDC_ISSUER: "https://auth.example.com",
      }),
    ).toBe(false);
    expect(() => setting("PASSWORD_LOGIN", { PASSWORD_LOGIN: "sometimes" })).toThrow(
      /PASSWORD_LOGIN/,
    );
  });
});

describe("per-user quotas", () => {
  it("are constants a production server does not take from the environment", () => {
    const env = { NODE_ENV: "production", NOTES_PER_CASE_MAX: "5" };
    expect(quota("NOTES_PER_CASE_MAX", env)).toBe(QUOTAS.NOTES_PER_CASE_MAX);
    expect(names).not.toContain("NOTES_PER_CASE_MAX");
  });

  it("take a test override: CANCELCASE_TEST_<NAME> anywhere, <NAME> under NODE_ENV=test", () => {
    const production = { NODE_ENV: "production", CANCELCASE_TEST_NOTES_PER_CASE_MAX: "7" };
    expect(quota("NOTES_PER_CASE_MAX", production)).toBe(7);
    expect(quota("CASES_PER_USER_MAX", { NODE_ENV: "test", CASES_PER_USER_MAX: "3" })).toBe(3);
    expect(() => quota("CASES_PER_USER_MAX", { CANCELCASE_TEST_CASES_PER_USER_MAX: "0" })).toThrow(
      /CASES_PER_USER_MAX/,
    );
  });
});
