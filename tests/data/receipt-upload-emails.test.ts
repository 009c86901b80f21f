import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openCase } from "@/lib/data/cases";
import { createSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { receiveReceipt } from "@/lib/services/receive-receipt";
import { uploadFrom } from "@/lib/http/multipart";

// The receipt upload's own code on real multipart requests: every message of
// the email corpus (tests/fixtures/README.md) is stored as an email, none is
// refused with 415 for its 8-bit Latin-1 or GB2312 bytes.

const dir = path.join(__dirname, "../fixtures/emails");

function upload(file: string) {
  const form = new FormData();
  form.append("kind", "correspondence");
  form.append("file", new File([fs.readFileSync(path.join(dir, file))], file));
  return uploadFrom(
    new Request("http://localhost/api/v1/cases/x/receipts", { method: "POST", body: form }),
  );
}

describe("emails uploaded as receipts", () => {
  it("stores every message of the corpus as message/rfc822", async () => {
    const user = await registerUser({
      email: `e${Math.random().toString(36).slice(2)}@example.com`,
      password: "emails are receipts",
    });
    const sub = await createSubscription(user, {
      provider: "Mint Mobile",
      category: "mobile",
      amount: 3000,
      currency: "USD",
      billingCycle: "monthly",
    });
    const kase = await openCase(user, { subscriptionId: sub.id, reason: "cost" });
    for (const file of fs.readdirSync(dir)) {
      const receipt = await receiveReceipt(user, kase.id, upload(file));
      expect([file, receipt.mimeType]).toEqual([file, "message/rfc822"]);
    }
  });
});
