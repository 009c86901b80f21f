import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emailAsText } from "@/lib/documents/email-text";
import { classifyReceipt, EMAIL_SNIFF_BYTES } from "@/lib/domain/receipts";

// Real messages from public parsers' test suites (tests/fixtures/README.md,
// "Emails"): each must be taken as an email (not refused with 415, not kept
// as plain text), and read with the subject, sender and body those
// projects' own tests assert.

const dir = path.join(__dirname, "../fixtures/emails");
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
const head = (bytes: Uint8Array) => bytes.subarray(0, EMAIL_SNIFF_BYTES);
const header = (headers: [string, string][], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

describe("the email corpus", () => {
  it("recognises every message, whatever the bytes of its headers and body", () => {
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      expect(classifyReceipt(undefined, head(read(file))), file).toBe("message/rfc822");
    }
  });

  it("reads 8-bit Latin-1 bodies by their declared charset (cpython test_email latin_bin_msg)", async () => {
    const email = await emailAsText(read("cpython-latin_bin_msg.eml"));
    expect(header(email.headers, "subject")).toBe("Nudge nudge, wink, wink");
    expect(email.text?.trim()).toBe("oh là là, know what I mean, know what I mean?");
  });

  it("reads 8-bit UTF-8 headers and a Cyrillic body (cpython test_email non_latin_bin_msg)", async () => {
    const email = await emailAsText(read("cpython-non_latin_bin_msg.eml"));
    expect(header(email.headers, "to")).toBe("báz");
    expect(header(email.headers, "subject")).toMatch(/^Maintenant je vous présente mon collègue/);
    expect(email.text?.trim()).toBe("Да, они летят.");
  });

  it("drops the mbox From line (cpython mailbox_01.mbox)", async () => {
    const email = await emailAsText(read("cpython-mailbox_01.mbox"));
    expect(header(email.headers, "from")).toBe("foo");
    expect(header(email.headers, "subject")).toBe("unquoted From in body; extra info on From line");
    expect(email.text).toBe("Hello\n\nFrom time to time\n");
  });

  it("reads a message Thunderbird saved (GreenMailUtilTest.SAMPLE_EMAIL)", async () => {
    const email = await emailAsText(read("greenmail-thunderbird-sample.eml"));
    expect(header(email.headers, "subject")).toBe("wassup");
    expect(header(email.headers, "from")).toBe("Wael Chatila <wael@localhost>");
    expect(email.text?.trim()).toBe("Yo wassup Bertil");
  });

  it("reads an 8-bit Windows-1257 part (mailparser '8bit Win-1257')", async () => {
    expect((await emailAsText(read("mailparser-8bit-win-1257.eml"))).text?.trim()).toBe("ÕÄÖÜ");
  });

  it("reads mailparser's decoderended, mixed and nested fixtures as its tests do", async () => {
    const ended = await emailAsText(read("mailparser-decoderended.eml"));
    expect(header(ended.headers, "subject")).toBe("Fwd: fotos");
    expect(ended.text).toContain(
      "Note: forwarded message attached.\n       \n---------------------------------\nBe a better something.\nCheck it out.",
    );
    const mixed = await emailAsText(read("mailparser-mixed.eml"));
    expect(mixed.text).toContain(
      "This e-mail message has been scanned for Viruses and Content and cleared",
    );
    expect(mixed.text).toContain("Good Morning;");
    const nested = await emailAsText(read("mailparser-nested.eml"));
    expect(nested.text).toMatch(/Dear Sir,\n\nGood evening\.[\s\S]*The footer/);
  });

  it("reads postal-mime's MIME torture test and bounce", async () => {
    const torture = await emailAsText(read("postal-mime-mimetorture.eml"));
    expect(header(torture.headers, "subject")).toBe("Ryan Finnie's MIME Torture Test v1.0");
    expect(header(torture.headers, "from")).toBe("Ryan Finnie <rfinnie@domain.dom>");
    const bounce = await emailAsText(read("postal-mime-bounce.eml"));
    expect(header(bounce.headers, "subject")).toBe("Undelivered Mail Returned to Sender");
  });

  it("reads 8-bit Latin-1 headers by the charset the message declares", async () => {
    const email = await emailAsText(read("latin1-8bit-headers.eml"));
    expect(header(email.headers, "from")).toBe("René Dupont <rene@example.fr>");
    expect(header(email.headers, "subject")).toBe("Résiliation de l'abonnement n° 88231");
    expect(email.text?.trim()).toBe("Votre résiliation est confirmée.");
  });

  it("reads an Outlook message with 8-bit GB2312 headers and body", async () => {
    const email = await emailAsText(read("outlook-gb2312-8bit.eml"));
    expect(header(email.headers, "from")).toBe("中国移动客服 <10086@chinamobile.example>");
    expect(header(email.headers, "subject")).toBe("您的号码已注销");
    expect(email.text?.trim()).toBe("确认号 MM-55501：您的服务已于今天取消。");
  });
});
