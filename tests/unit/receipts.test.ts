import { describe, expect, it } from "vitest";
import { classifyReceipt, cleanFileName } from "@/lib/domain/receipts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("receipt type detection", () => {
  it("accepts the binary types file-type recognises and nothing else", () => {
    for (const mime of ["application/pdf", "image/png", "image/jpeg", "image/webp", "image/heic"]) {
      expect(classifyReceipt(mime, bytes("x"))).toBe(mime);
    }
    for (const mime of [
      "application/zip",
      "application/x-msdownload",
      "image/gif",
      "application/xml",
    ]) {
      expect(classifyReceipt(mime, bytes("x"))).toBeNull();
    }
  });

  it("accepts plain text and emails, refuses HTML, SVG, XML, binary junk and empty files", () => {
    expect(classifyReceipt(undefined, bytes("Confirmation 88231\nThank you."))).toBe("text/plain");
    expect(classifyReceipt(undefined, bytes("取消确认号：88231"))).toBe("text/plain");
    const email =
      "From: support@mint.example\r\nTo: me@example.com\r\nSubject: Cancelled\r\n\r\n<html><body>Done</body></html>";
    expect(classifyReceipt(undefined, bytes(email))).toBe("message/rfc822");
    for (const markup of [
      "<!DOCTYPE html><html>",
      "  <html><script>alert(1)</script>",
      "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
      "<?xml version='1.0'?><svg/>",
      "\uFEFF<html>",
    ]) {
      expect(classifyReceipt(undefined, bytes(markup)), markup).toBeNull();
    }
    expect(classifyReceipt(undefined, new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x9c]))).toBeNull();
    expect(classifyReceipt(undefined, new Uint8Array())).toBeNull();
    expect(classifyReceipt(undefined, bytes("   \n  "))).toBeNull();
  });

  it("knows an email by its header block, not by its bytes being UTF-8", () => {
    const latin1 = Buffer.from(
      "From: Ren\u00e9 <r@example.fr>\r\nSubject: R\u00e9siliation\r\n\r\nConfirm\u00e9e.\r\n",
      "latin1",
    );
    expect(classifyReceipt(undefined, latin1)).toBe("message/rfc822");
    // Thunderbird's saved message and an mbox file start with lines of their own.
    const thunderbird =
      "From - Thu Jan 19 00:30:34 2006\r\nX-Account-Key: account2\r\nX-Mozilla-Status: 0001\r\nFrom: a@example.com\r\nSubject: Done\r\n\r\nBody";
    expect(classifyReceipt(undefined, bytes(thunderbird))).toBe("message/rfc822");
    expect(
      classifyReceipt(undefined, bytes("X-Account-Key: account3\nX-UIDL: 1\nDate: x\n\nBody")),
    ).toBe("message/rfc822");
    expect(
      classifyReceipt(undefined, bytes("From MAILER-DAEMON Sun Aug  7 2022\nFrom: foo\n\nHi")),
    ).toBe("message/rfc822");
    // A folded field continues the one before it.
    expect(
      classifyReceipt(
        undefined,
        bytes("Subject: a long\r\n subject\r\nTo: b@example.com\r\n\r\nx"),
      ),
    ).toBe("message/rfc822");
  });

  it("keeps notes that merely start like a header as plain text", () => {
    expect(classifyReceipt(undefined, bytes("Date: 2026-12-01\nCalled Mint, agent Sam.\n"))).toBe(
      "text/plain",
    );
    expect(classifyReceipt(undefined, bytes("Note: nothing here\n\nSecond paragraph"))).toBe(
      "text/plain",
    );
    expect(classifyReceipt(undefined, bytes(" Subject: indented\n\nx"))).toBe("text/plain");
    // Not UTF-8 and no header block: still refused.
    expect(
      classifyReceipt(undefined, Buffer.from("R\u00e9siliation confirm\u00e9e", "latin1")),
    ).toBeNull();
  });

  it("does not refuse text whose sample ends inside a multi-byte character", () => {
    const sample = bytes("收据".repeat(10)).subarray(0, 29);
    expect(classifyReceipt(undefined, sample)).toBe("text/plain");
  });
});

describe("file names", () => {
  it("keeps only a plain, displayable name", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("..\\..\\Windows\\win.ini")).toBe("win.ini");
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("bill\u0000\n.pdf")).toBe("bill.pdf");
    expect(cleanFileName("...hidden")).toBe("hidden");
    expect(cleanFileName("")).toBe("receipt");
    expect(cleanFileName("/")).toBe("receipt");
    expect(cleanFileName("确认函.pdf")).toBe("确认函.pdf");
    expect(cleanFileName("a".repeat(500))).toHaveLength(200);
  });
});

describe("file sizes as people read them", () => {
  it("says bytes in words and larger units short, in both languages", async () => {
    const { formatBytes } = await import("@/lib/domain/receipts");
    expect(formatBytes(753, "en")).toBe("753 bytes");
    expect(formatBytes(1, "en")).toBe("1 byte");
    expect(formatBytes(753, "zh-CN")).toBe("753字节");
    expect(formatBytes(12.3 * 1024, "en")).toBe("12.3 kB");
    expect(formatBytes(5 * 1024 * 1024, "zh-CN")).toBe("5 MB");
  });
});
