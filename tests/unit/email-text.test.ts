import { describe, expect, it } from "vitest";
import { emailAsText } from "@/lib/documents/email-text";

const encode = (text: string) => new TextEncoder().encode(text);

describe("an .eml shown as text", () => {
  it("shows the main headers and the text part", async () => {
    const email = await emailAsText(
      encode(
        "From: care@mint.example\r\nTo: me@example.com\r\nSubject: Cancelled\r\n\r\nConfirmation MM-1.\r\n",
      ),
    );
    expect(email.headers).toContainEqual(["Subject", "Cancelled"]);
    expect(email.text).toContain("MM-1");
  });

  it("refuses a message nested deeper than the parser reads with a 422, not a crash", async () => {
    let body = "bottom\r\n";
    for (let depth = 0; depth < 300; depth++) {
      body = `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${body}\r\n--b${depth}--\r\n`;
    }
    await expect(emailAsText(encode(`From: a@example.com\r\n${body}`))).rejects.toMatchObject({
      code: "unprocessable",
      status: 422,
      fields: { file: ["email_unreadable"] },
    });
  });
});
