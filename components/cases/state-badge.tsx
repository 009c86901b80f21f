import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

function tone(state: string): BadgeTone {
  if (state === "confirmation_received") return "success";
  if (state === "rejected") return "danger";
  if (state === "withdrawn") return "neutral";
  return "info";
}

export async function CaseStateBadge({ state }: { state: string }) {
  const t = await getTranslations("domain.state");
  return (
    <Badge tone={tone(state)} testId="case-state">
      {t(state)}
    </Badge>
  );
}
