import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { receiveReceipt } from "@/lib/services/receive-receipt";
import { MINT_MOBILE, newCase, newUser } from "../support/fixtures";
import { multipart } from "../support/uploads";

// The receipt upload's own code on real multipart requests: every message of
// the email corpus (tests/fixtures/README.md) is stored as an email, none is
// refused with 415 for its 8-bit Latin-1 or GB2312 bytes.

const dir = path.join(__dirname, "../fixtures/emails");

const upload = (file: string) =>
  multipart(
    new File([fs.readFileSync(path.join(dir, file))], file),
    { kind: "correspondence" },
    "http://localhost/api/v1/cases/x/receipts",
  );

describe("emails uploaded as receipts", () => {
  it("stores every message of the corpus as message/rfc822", async () => {
    const user = await newUser();
    const { kase } = await newCase(user, MINT_MOBILE);
    for (const file of fs.readdirSync(dir)) {
      const receipt = await receiveReceipt(user, kase.id, upload(file));
      expect([file, receipt.mimeType]).toEqual([file, "message/rfc822"]);
    }
  });
});
