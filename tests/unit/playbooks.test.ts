// The playbook library (playbooks/*.json) against its schema, and the schema
// against the defects it must refuse: a missing field, a fact without a
// source, a text without its translation.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlaybookFiles, parsePlaybookFile, PlaybookFileError } from "@/lib/playbooks/load";

const LIBRARY = path.join(process.cwd(), "playbooks");
const FIXTURE = path.join(process.cwd(), "tests/fixtures/playbooks/example-mobile.json");

function libraryFiles() {
  return fs
    .readdirSync(LIBRARY)
    .filter((name) => name.endsWith(".json"))
    .map((name) => ({ name, text: fs.readFileSync(path.join(LIBRARY, name), "utf8") }));
}

/** The fixture, changed by `edit`, as a file to parse. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fixture is edited as loose JSON
function edited(edit: (json: Record<string, any>) => void, name = "example-mobile.json") {
  const json = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
  edit(json);
  return { name, text: JSON.stringify(json) };
}

function problems(file: { name: string; text: string }): string {
  try {
    parsePlaybookFile(file);
  } catch (error) {
    if (error instanceof PlaybookFileError) return error.problems.join("\n");
    throw error;
  }
  return "";
}

/** Issue 33: the US carriers first, then the 30 subscriptions these users leave most. */
const CARRIERS = [
  "t-mobile",
  "verizon",
  "att",
  "mint-mobile",
  "visible",
  "us-mobile",
  "google-fi",
  "cricket",
  "metro-by-t-mobile",
  "boost-mobile",
  "tello",
  "ultra-mobile",
  "lycamobile",
  "h2o-wireless",
];
const OTHERS = [
  ...["airalo", "holafly", "netflix", "youtube-premium", "disney-plus", "hulu", "max"],
  ...["peacock", "paramount-plus", "spotify", "apple-subscriptions", "amazon-prime", "google-play"],
  ...["siriusxm", "planet-fitness", "la-fitness", "24-hour-fitness", "adobe", "xfinity"],
  ...["spectrum", "nytimes", "wsj", "iqiyi", "tencent-video", "youku", "bilibili"],
  ...["netease-cloud-music", "baidu-netdisk", "wechat-pay-auto-renew", "alipay-auto-renew"],
];

describe("the playbook library", () => {
  it("has the 14 carriers, as carriers, and the 30 other providers", () => {
    const library = loadPlaybookFiles(libraryFiles());
    for (const slug of CARRIERS) expect(library.get(slug)?.category, slug).toBe("mobile");
    expect(OTHERS).toHaveLength(30);
    for (const slug of OTHERS) expect(library.has(slug), slug).toBe(true);
  });

  it("has only files that pass the schema, named by their slug, with no shared names", () => {
    const files = libraryFiles();
    expect(() => loadPlaybookFiles(files)).not.toThrow();
    expect(
      fs.readdirSync(LIBRARY).filter((n) => !n.endsWith(".json") && n !== "README.md"),
    ).toEqual([]);
  });
});

describe("the playbook schema", () => {
  it("takes the fixture", () => {
    expect(problems(edited(() => {}))).toBe("");
  });

  it("refuses a missing field", () => {
    expect(problems(edited((json) => delete json.refunds))).toMatch(/^refunds:/m);
    expect(problems(edited((json) => delete json.callScript))).toMatch(/^callScript:/m);
    expect(problems(edited((json) => (json.channels = [])))).toMatch(/at least one way to cancel/);
  });

  it("refuses a fact without a source, or citing a source that is not listed", () => {
    expect(problems(edited((json) => (json.refunds.sources = [])))).toMatch(
      /refunds.sources: a fact needs at least one source/,
    );
    expect(
      problems(edited((json) => (json.fees = { ...json.refunds, sources: ["nope"] }))),
    ).toMatch(/fees.sources: no source "nope"/);
    expect(problems(edited((json) => delete json.portOut.checkedOn))).toMatch(/portOut.checkedOn/);
  });

  it("refuses a source no fact cites, and a source without a real https address or date", () => {
    expect(
      problems(
        edited((json) =>
          json.sources.push({ ...json.sources[0], id: "spare", url: "https://example.com/x" }),
        ),
      ),
    ).toMatch(/sources.2: a source no fact cites/);
    expect(problems(edited((json) => (json.sources[0].url = "http://help.example.com")))).toMatch(
      /sources.0.url/,
    );
    expect(problems(edited((json) => (json.sources[0].readOn = "2026-02-30")))).toMatch(
      /sources.0.readOn/,
    );
  });

  it("refuses a text without its translation, or a 'translation' with no Chinese in it", () => {
    expect(problems(edited((json) => delete json.channels[0].detail.zh))).toMatch(
      /channels.0.detail.zh/,
    );
    expect(problems(edited((json) => (json.callScript[1].zh = json.callScript[1].en)))).toMatch(
      /callScript.1.zh: the zh text has no Chinese/,
    );
  });

  it("keeps checkedOn the newest fact's date", () => {
    expect(problems(edited((json) => (json.checkedOn = "2026-12-01")))).toMatch(
      /checkedOn must be the newest fact's date \(2026-12-06\)/,
    );
  });

  it("needs a carrier to say how to keep the number or let the plan lapse", () => {
    expect(problems(edited((json) => (json.portOut = null)))).toMatch(
      /portOut: a carrier needs portOut or lapseInsteadOfCancel/,
    );
    expect(
      problems(
        edited((json) => {
          json.portOut = null;
          json.category = "streaming";
        }),
      ),
    ).toBe("");
  });

  it("names the file by its slug, and refuses two playbooks answering to one name", () => {
    expect(problems(edited(() => {}, "other.json"))).toMatch(/must be named example-mobile.json/);
    const twin = edited((json) => {
      json.slug = "example-twin";
      json.name = "Example Twin";
      json.aliases = ["Example-Mobile"];
    }, "example-twin.json");
    expect(() => loadPlaybookFiles([edited(() => {}), twin])).toThrow(
      /"EXAMPLE MOBILE" is example-mobile's too/,
    );
  });
});
