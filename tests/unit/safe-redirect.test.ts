import { describe, expect, it } from "vitest";
import { AFTER_SIGN_IN, safeRedirectPath } from "@/lib/domain/safe-redirect";

const ORIGIN = "https://cancel.example.com";

describe("the callback after sign-in", () => {
  it("keeps a path of the app, with its query and fragment", () => {
    expect(safeRedirectPath("/cases?state=open", ORIGIN)).toBe("/cases?state=open");
    expect(safeRedirectPath("/cases/abc#notes", ORIGIN)).toBe("/cases/abc#notes");
    expect(safeRedirectPath("https://cancel.example.com/settings", ORIGIN)).toBe("/settings");
    expect(safeRedirectPath("/cases/../settings", ORIGIN)).toBe("/settings");
  });

  it.each([
    "/\t/attacker.example:8099/x",
    "/%09/attacker.example",
    "/\r/attacker.example",
    "/\n/attacker.example",
    "\t//attacker.example",
    "//attacker.example",
    "///attacker.example",
    "/\\attacker.example",
    "\\\\attacker.example",
    "/\\/attacker.example",
    "\\/attacker.example",
    "/.//attacker.example",
    "/%2e//attacker.example",
    " //attacker.example",
    "https://attacker.example/",
    "http://cancel.example.com/",
    "https://cancel.example.com.attacker.example/",
    "https://cancel.example.com@attacker.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http:attacker.example",
    "https:/\\attacker.example",
  ])("sends %j to the dashboard", (value) => {
    const path = safeRedirectPath(value, ORIGIN);
    // Whatever came in, what goes out resolves to the app's own origin.
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    expect(path.startsWith("//")).toBe(false);
    if (!value.includes("%09") && !value.includes("%2e")) expect(path).toBe(AFTER_SIGN_IN);
  });

  it("sends nothing, garbage and percent-encoded tricks to a path of the app", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBe(AFTER_SIGN_IN);
    expect(safeRedirectPath("", ORIGIN)).toBe(AFTER_SIGN_IN);
    expect(safeRedirectPath("http://[::1", ORIGIN)).toBe(AFTER_SIGN_IN);
    // Percent-encoded characters stay encoded: a path on this host, not a host.
    expect(safeRedirectPath("/%09/attacker.example", ORIGIN)).toBe("/%09/attacker.example");
  });
});
