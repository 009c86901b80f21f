// Finding playbooks: the list's search, order and pages, and the match of a
// provider name or a statement line to one playbook.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlaybookFiles } from "@/lib/playbooks/load";
import {
  encodePlaybookCursor,
  matchPlaybook,
  PlaybookCursorError,
  searchPlaybooks,
} from "@/lib/playbooks/lookup";
import { resolvePlaybook, telHref } from "@/lib/playbooks/resolve";
import type { Playbook } from "@/lib/playbooks/schema";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/playbooks");

function fixture(name: string): Playbook {
  const file = { name, text: fs.readFileSync(path.join(FIXTURES, name), "utf8") };
  return loadPlaybookFiles([file]).values().next().value!;
}

/** A variant of the mobile fixture under another name, for a library of several. */
function variant(slug: string, name: string, extra: Partial<Playbook> = {}): Playbook {
  return { ...fixture("example-mobile.json"), slug, name, aliases: [], descriptors: [], ...extra };
}

const mobile = fixture("example-mobile.json");
const stream = fixture("example-stream.json");
const mint = variant("mint-mobile", "Mint Mobile", { aliases: ["MintMobile", "Mint"] });
const tmobile = variant("t-mobile", "T-Mobile", {
  aliases: ["TMobile", "T Mobile"],
  descriptors: ["TMOBILE*AUTO PAY"],
});
const library = [tmobile, stream, mint, mobile];

describe("searchPlaybooks", () => {
  it("lists every playbook by name when nothing is asked", () => {
    const page = searchPlaybooks(library, { limit: 20 });
    expect(page.items.map((item) => item.slug)).toEqual([
      "example-mobile",
      "example-stream",
      "mint-mobile",
      "t-mobile",
    ]);
    expect(page.items[0]).toEqual({
      slug: "example-mobile",
      name: "Example Mobile",
      category: "mobile",
      difficulty: 3,
      checkedOn: "2026-12-06",
    });
    expect(page.nextCursor).toBeNull();
  });

  it("finds by a part of the name, an alias or a descriptor, whatever the case and spacing", () => {
    const slugs = (q: string) =>
      searchPlaybooks(library, { q, limit: 20 }).items.map((i) => i.slug);
    expect(slugs("mint")).toEqual(["mint-mobile"]);
    expect(slugs("tmobile")).toEqual(["t-mobile"]);
    expect(slugs("t-mob")).toEqual(["t-mobile"]);
    expect(slugs("示例视频")).toEqual(["example-stream"]);
    expect(slugs("exstream")).toEqual(["example-stream"]);
    expect(slugs("TMOBILE*AUTO PAY 800-937-8997 WA")).toEqual(["t-mobile"]);
    expect(slugs("mobile")).toEqual(["example-mobile", "mint-mobile", "t-mobile"]);
    expect(slugs("nothing like it")).toEqual([]);
  });

  it("filters by category", () => {
    const page = searchPlaybooks(library, { category: "streaming", limit: 20 });
    expect(page.items.map((item) => item.slug)).toEqual(["example-stream"]);
    expect(searchPlaybooks(library, { category: "news", limit: 20 }).items).toEqual([]);
  });

  it("pages with a cursor, each playbook once, the search kept", () => {
    const first = searchPlaybooks(library, { q: "mobile", limit: 2 });
    expect(first.items.map((item) => item.slug)).toEqual(["example-mobile", "mint-mobile"]);
    expect(first.nextCursor).not.toBeNull();
    const second = searchPlaybooks(library, { q: "mobile", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.slug)).toEqual(["t-mobile"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not make", () => {
    expect(() => searchPlaybooks(library, { limit: 2, cursor: "bm9wZQ" })).toThrow(
      PlaybookCursorError,
    );
    expect(() =>
      searchPlaybooks(library, { limit: 2, cursor: encodePlaybookCursor("no-such-slug") }),
    ).toThrow(PlaybookCursorError);
    expect(() =>
      searchPlaybooks(library, { limit: 2, cursor: encodePlaybookCursor("../etc/passwd") }),
    ).toThrow(PlaybookCursorError);
  });
});

describe("matchPlaybook", () => {
  it("matches a name or alias exactly, whatever the case, punctuation and spacing", () => {
    expect(matchPlaybook("mint mobile", library)).toBe("mint-mobile");
    expect(matchPlaybook("MINT-MOBILE", library)).toBe("mint-mobile");
    expect(matchPlaybook("t mobile", library)).toBe("t-mobile");
    expect(matchPlaybook("Ｔ－Ｍｏｂｉｌｅ", library)).toBe("t-mobile");
    expect(matchPlaybook("示例移动", library)).toBe("example-mobile");
  });

  it("matches a provider name holding a whole name or alias", () => {
    expect(matchPlaybook("Mint Mobile Unlimited", library)).toBe("mint-mobile");
    expect(matchPlaybook("My Example Mobile line", library)).toBe("example-mobile");
  });

  it("matches a statement line by a descriptor, as merchant patterns do", () => {
    expect(matchPlaybook("TMOBILE*AUTO PAY 800-937-8997 WA", library)).toBe("t-mobile");
    expect(matchPlaybook("EXAMPLEMOBILE*AUTOPAY 12/03", library)).toBe("example-mobile");
  });

  it("wants whole words: a name inside another word is no match", () => {
    expect(matchPlaybook("Minted Art Prints", library)).toBeNull();
    expect(matchPlaybook("Spearmint Mobile Deli", library)).toBeNull();
    expect(matchPlaybook("Gym", library)).toBeNull();
    expect(matchPlaybook("", library)).toBeNull();
    expect(matchPlaybook("   ", library)).toBeNull();
  });

  it("prefers the longest name found", () => {
    const home = variant("t-mobile-home", "T-Mobile Home Internet");
    expect(matchPlaybook("T-Mobile Home Internet 5G", [tmobile, home])).toBe("t-mobile-home");
    expect(matchPlaybook("T-Mobile prepaid", [tmobile, home])).toBe("t-mobile");
  });
});

describe("resolvePlaybook", () => {
  it("gives every text in the language asked, and each fact's date and sources", () => {
    const en = resolvePlaybook(mobile, "en");
    const zh = resolvePlaybook(mobile, "zh-CN");
    expect(en.refunds).toBe("No refunds for partial months.");
    expect(zh.refunds).toBe("不足一个月的部分不退款。");
    expect(zh.portOut?.lockName).toBe("号码锁（Number Lock）");
    expect(en.steps.payment_unlinked).toMatch(/^Get the transfer PIN/);
    expect(en.facts).toEqual({
      refunds: { checkedOn: "2026-12-05", sources: ["help-cancel"] },
      "steps.payment_unlinked": { checkedOn: "2026-12-06", sources: ["help-port"] },
    });
    expect(en.fees).toBeNull();
    expect(en.channels[1]).toMatchObject({
      kind: "phone",
      phone: "1-800-555-0100",
      hours: "Daily 8am–8pm ET",
      checkedOn: "2026-12-05",
      sources: ["help-cancel"],
    });
    expect(zh.callScript[0]).toEqual({
      en: "I'd like to cancel my line today.",
      zh: "我想今天取消我的线路。",
    });
  });

  it("makes tel: links of digits only", () => {
    expect(telHref("1-800-555-0100")).toBe("tel:18005550100");
    expect(telHref("+1 (800) 555-0100")).toBe("tel:+18005550100");
    expect(telHref("*PORT")).toBeNull();
    expect(telHref("javascript:alert(1)")).toBeNull();
  });
});
