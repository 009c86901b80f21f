import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

function tone(state: string): BadgeTone {
  if (state === "confirmation_received") return "success";
  if (state === "rejected") return "danger";
  if (state === "withdrawn") return "neutral";
  return "info";
}

/** A case's state as a badge; synchronous, so a list can show one a row (lib/i18n/row-i18n). */
export function CaseStateBadge({ state, t }: { state: string; t: PageTranslator }) {
  return (
    <Badge tone={tone(state)} testId="case-state">
      {t(`domain.state.${state}`)}
    </Badge>
  );
}
