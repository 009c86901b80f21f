import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

const TONES: Record<string, BadgeTone> = {
  active: "neutral",
  cancelling: "warning",
  cancelled: "success",
};

/** A subscription's status as a badge; synchronous, so a table can show one a row (lib/i18n/row-i18n). */
export function SubscriptionStatusBadge({ status, t }: { status: string; t: PageTranslator }) {
  return (
    <Badge tone={TONES[status] ?? "neutral"} testId="subscription-status">
      {t(`domain.status.${status}`)}
    </Badge>
  );
}
