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

  it("reads a Chinese confirmation email: encoded-word headers and a GBK / Big5 body", async () => {
    const gbkBody = Buffer.from(
      "yLfIz7rFIE1NLTU1NTAxo7rE+rXEt/7O8dLR09q98czsyKHP+6Gj",
      "base64",
    ).toString("base64"); // 确认号 MM-55501：您的服务已于今天取消。 in GBK
    const email = await emailAsText(
      encode(
        [
          "From: =?UTF-8?Q?=E7=BE=8E=E5=9B=BD=E7=A7=BB=E5=8A=A8=E5=AE=A2=E6=9C=8D?= <care@mint.example>",
          "To: =?big5?B?s6+kcKlq?= <me@example.com>",
          "Subject: =?GB2312?B?xPq1xLrFwuvS0deiz/o=?=",
          "MIME-Version: 1.0",
          'Content-Type: multipart/alternative; boundary="b"',
          "",
          "--b",
          'Content-Type: text/plain; charset="gbk"',
          "Content-Transfer-Encoding: base64",
          "",
          gbkBody,
          "--b",
          "Content-Type: text/html; charset=big5",
          "Content-Transfer-Encoding: quoted-printable",
          "",
          "<p>=B3=AF</p>",
          "--b--",
          "",
        ].join("\r\n"),
      ),
    );
    expect(email.headers).toContainEqual(["Subject", "您的号码已注销"]);
    expect(email.headers).toContainEqual(["From", "美国移动客服 <care@mint.example>"]);
    expect(email.headers).toContainEqual(["To", "陳小姐 <me@example.com>"]);
    expect(email.text?.trim()).toBe("确认号 MM-55501：您的服务已于今天取消。");
  });

  it("decodes a quoted-printable Big5 body", async () => {
    const email = await emailAsText(
      encode(
        "From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=big5\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=B3=AF=A4p=A9j\r\n",
      ),
    );
    expect(email.text?.trim()).toBe("陳小姐");
  });

  it("decodes 8-bit bodies with no Content-Transfer-Encoding by their charset: GB18030, GBK, Windows-1252", async () => {
    const message = (charset: string, body: Buffer) =>
      new Uint8Array(
        Buffer.concat([
          Buffer.from(
            `From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=${charset}\r\n\r\n`,
          ),
          body,
        ]),
      );
    // 确认 in GB18030 and GBK: C8 B7 C8 CF.
    const chinese = Buffer.from([0xc8, 0xb7, 0xc8, 0xcf]);
    expect((await emailAsText(message("gb18030", chinese))).text?.trim()).toBe("确认");
    expect((await emailAsText(message("gbk", chinese))).text?.trim()).toBe("确认");
    // Windows-1252's own bytes: € (0x80), “ ” (0x93 0x94).
    const western = Buffer.from([0x80, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    expect((await emailAsText(message("windows-1252", western))).text?.trim()).toBe("€5 “ok”");
    expect((await emailAsText(message("iso-8859-1", western))).text?.trim()).toBe("€5 “ok”");
    const subject = await emailAsText(
      encode("From: a@example.com\r\nSubject: =?windows-1252?Q?=80_5_=93ok=94?=\r\n\r\nx"),
    );
    expect(subject.headers).toContainEqual(["Subject", "€ 5 “ok”"]);
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
