import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatSimpleMessage,
  isSimpleMessage,
  lookupMessage,
  simpleMessages,
  clientMessages,
  type Messages,
} from "@/lib/i18n/simple-messages";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("simple messages (what the browser gets)", () => {
  it("tells {name} placeholders from ICU arguments", () => {
    expect(isSimpleMessage("Saved")).toBe(true);
    expect(isSimpleMessage("Hello, {name}! {count} left")).toBe(true);
    expect(isSimpleMessage("{count, plural, one {# note} other {# notes}}")).toBe(false);
    expect(isSimpleMessage("{amount, number}")).toBe(false);
    expect(isSimpleMessage("a { b")).toBe(false);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(formatSimpleMessage("Hi {name}, {n} left", { name: "Ada", n: 3 })).toBe(
      "Hi Ada, 3 left",
    );
    expect(formatSimpleMessage("Hi {name}", {})).toBe("Hi {name}");
    expect(formatSimpleMessage("Hi {name}")).toBe("Hi {name}");
    expect(formatSimpleMessage("{a}{a}", { a: "$&" })).toBe("$&$&");
  });

  it("looks up dotted paths, and nothing else", () => {
    const messages: Messages = { a: { b: "B", c: { d: "D" } } };
    expect(lookupMessage(messages, "a.b")).toBe("B");
    expect(lookupMessage(messages, "a.c.d")).toBe("D");
    expect(lookupMessage(messages, "a.c")).toBeUndefined();
    expect(lookupMessage(messages, "a.b.x")).toBeUndefined();
    expect(lookupMessage(messages, "x")).toBeUndefined();
    expect(lookupMessage(messages, "a.toString")).toBeUndefined();
    expect(lookupMessage(messages, "constructor.name")).toBeUndefined();
    expect(lookupMessage(messages, "__proto__.x")).toBeUndefined();
  });

  it("keep every message but the ICU ones", () => {
    const dropped = (catalog: Messages) => {
      const kept = simpleMessages(catalog);
      const out: string[] = [];
      const walk = (tree: Messages, prefix: string) => {
        for (const [key, value] of Object.entries(tree)) {
          const at = prefix ? `${prefix}.${key}` : key;
          if (typeof value === "string") {
            if (lookupMessage(kept, at) === undefined) out.push(at);
          } else walk(value, at);
        }
      };
      walk(catalog, "");
      return out.sort();
    };
    const expected = [
      "charges.chargedBody",
      "charges.dashboardTitle",
      "charges.daysLeft",
      "charges.linesTitle",
      "dashboard.trialDaysLeft",
      "notes.results",
      "notifications.pushDevices",
      "pack.minutes",
      "pack.receiptPagesFollow",
      "reminderRules.noticeDaysValue",
      "reminderRules.noticeForRenewal",
      "reminders.pushMore",
      "reminders.renewal",
      "reminders.subjectDigest",
      "reminders.trial",
      "statements.recurringFacts",
      "subscriptions.deleteBody",
      "subscriptions.pageOf",
    ];
    expect(dropped(en)).toEqual(expected);
    // Chinese has no plural forms, so some of these are plain in zh-CN.
    expect(expected).toEqual(expect.arrayContaining(dropped(zh)));
  });

  it("leave out what only the server writes with (the dispute pack)", () => {
    expect(clientMessages(en).pack).toBeUndefined();
    expect(clientMessages(zh).charges).toBeDefined();
  });

  it("hold every literal key a client component asks for, in both languages", () => {
    const files = ["components", "app"].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".tsx"))
        .map((f) => path.join(dir, f)),
    );
    const clients = files.filter((f) => {
      const source = fs.readFileSync(f, "utf8");
      return source.includes('from "@/lib/i18n/client"') && !source.includes("next-intl/server");
    });
    expect(clients.length).toBeGreaterThan(15);
    let checked = 0;
    for (const file of clients) {
      const source = fs.readFileSync(file, "utf8");
      const namespaces = [...source.matchAll(/useTranslations\((?:"([^"]*)")?\)/g)].map(
        (m) => m[1] ?? "",
      );
      for (const [, key] of source.matchAll(/\bt\("([^"]+)"/g)) {
        for (const catalog of [simpleMessages(en), simpleMessages(zh)]) {
          const found = namespaces.some(
            (ns) => lookupMessage(catalog, ns ? `${ns}.${key}` : `${key}`) !== undefined,
          );
          expect(found, `${file}: t("${key}")`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
