import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  active: "neutral",
  cancelling: "warning",
  cancelled: "success",
};

export async function SubscriptionStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("domain.status");
  return (
    <Badge tone={TONES[status] ?? "neutral"} testId="subscription-status">
      {t(status)}
    </Badge>
  );
}
