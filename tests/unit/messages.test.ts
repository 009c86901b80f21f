import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe("message catalogs", () => {
  const english = flatten(en);
  const chinese = flatten(zh);

  it("have exactly the same keys in English and Chinese", () => {
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, text] of english) {
      expect(placeholders(chinese.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("have no empty messages, and the Chinese is actually Chinese where English has words", () => {
    for (const [key, text] of chinese) {
      expect(text.trim(), key).not.toBe("");
      // Placeholders such as {name} are not words to translate.
      const english = (flatten(en).get(key) ?? "").replace(/\{\w+\}/g, "");
      if (/[a-z]{4,}/i.test(english) && !/^(CancelCase|API)/.test(english)) {
        expect(/[\u4e00-\u9fff]/.test(text), `${key} is not translated`).toBe(true);
      }
    }
  });
});

describe("domain vocabulary", () => {
  it("names every state, and gives guidance for every state, in both languages", async () => {
    const { CASE_STATES, REJECTION_REASONS } = await import("@/lib/domain/case-workflow");
    const { CASE_METHODS, CASE_REASONS } = await import("@/lib/domain/cases");
    const { NOTE_CHANNELS } = await import("@/lib/domain/notes");
    const { BILLING_CYCLES, SUBSCRIPTION_CATEGORIES, SUBSCRIPTION_STATUSES } =
      await import("@/lib/domain/subscriptions");
    const lists: Record<string, readonly string[]> = {
      state: CASE_STATES,
      guidance: CASE_STATES,
      rejection: REJECTION_REASONS,
      status: SUBSCRIPTION_STATUSES,
      method: CASE_METHODS,
      reason: CASE_REASONS,
      cycle: BILLING_CYCLES,
      perCycle: BILLING_CYCLES,
      category: SUBSCRIPTION_CATEGORIES,
      channel: NOTE_CHANNELS,
    };
    for (const catalog of [flatten(en), flatten(zh)]) {
      for (const [namespace, values] of Object.entries(lists)) {
        for (const value of values) {
          expect(
            catalog.get(`domain.${namespace}.${value}`)?.length,
            `domain.${namespace}.${value}`,
          ).toBeGreaterThan(1);
        }
      }
    }
  });
});

describe("messages and the leak detectors", () => {
  it("no message reads like a stack frame or SQL, which the fuzz tests treat as a leak", async () => {
    // The same pattern as tests/e2e/helpers.ts LEAKS: a page's payload carries the catalog.
    const LEAKS =
      /(\bat [\w.<>]+ \(|node_modules|\/work\/|\bSELECT\b|\bINSERT\b|prisma|SqliteError|TypeError|ReferenceError)/i;
    for (const file of ["en", "zh-CN"]) {
      const catalog = JSON.stringify((await import(`@/messages/${file}.json`)).default);
      expect(catalog.match(LEAKS)?.[0] ?? null, file).toBeNull();
    }
  });
});

describe("Chinese that reads as one voice", () => {
  const chinese = flatten(zh);
  // The glossary: case = 取消记录, contact note = 联系记录, receipt = 凭证.
  const OTHER_WORDS = ["案例", "案件", "笔记", "通话记录", "沟通记录", "收据", "票据"];

  it("names the app's nouns one way only", () => {
    for (const [key, text] of chinese) {
      for (const word of OTHER_WORDS) expect(text.includes(word), `${key}: ${word}`).toBe(false);
    }
  });

  it("uses full-width punctuation next to Chinese text", () => {
    const cjk = "[\\u4e00-\\u9fff]";
    const halfWidth = new RegExp(`${cjk}[,:;?!()]|[,:;?!(]${cjk}`);
    for (const [key, text] of chinese) {
      const words = text.replace(/\{[^{}]*\}/g, "X");
      expect(halfWidth.test(words), `${key}: ${text}`).toBe(false);
    }
  });
});
