import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReceiptTextView } from "@/components/receipts/receipt-text-view";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { readReceiptText } from "@/lib/services/read-receipt-text";

export const metadata: Metadata = { robots: { index: false } };

/** A text or .eml receipt shown as text: React escapes it, and no HTML part is ever rendered. */
export default async function ReceiptTextPage({
  params,
}: {
  params: Promise<{ id: string; receiptId: string }>;
}) {
  const user = await requireUser();
  const { id, receiptId } = await params;
  const [shown, t] = await Promise.all([
    orNotFound(readReceiptText(user, id, receiptId)),
    getTranslations("receipts"),
  ]);
  return <ReceiptTextView {...shown} t={t} />;
}
