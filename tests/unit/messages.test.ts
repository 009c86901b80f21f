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

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

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
      const english = flatten(en).get(key) ?? "";
      if (/[a-z]{4,}/i.test(english) && !/^(CancelCase|API)/.test(english)) {
        expect(/[\u4e00-\u9fff]/.test(text), `${key} is not translated`).toBe(true);
      }
    }
  });
});
