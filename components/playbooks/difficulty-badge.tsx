import { Badge } from "@/components/ui/badge";
import type { PageTranslator } from "@/lib/i18n/row-i18n";

// 1–2 a button online, 3 a step that trips people, 4–5 phone or store only.
const TONE = { 1: "success", 2: "success", 3: "warning", 4: "danger", 5: "danger" } as const;

export function DifficultyBadge({ difficulty, t }: { difficulty: number; t: PageTranslator }) {
  return (
    <Badge tone={TONE[difficulty as keyof typeof TONE] ?? "neutral"} testId="playbook-difficulty">
      {t("playbooks.difficulty", { n: difficulty })}
    </Badge>
  );
}
