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
