import type { ReactNode } from "react";

// Each tone's colours are a class in app/globals.css (.badge-*): a badge is
// shown once a row, and its class list would be written into every row.
const tones = {
  neutral: "badge-neutral",
  info: "badge-info",
  success: "badge-success",
  warning: "badge-warning",
  danger: "badge-danger",
};

export type BadgeTone = keyof typeof tones;

export function Badge({
  tone = "neutral",
  children,
  testId,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span data-testid={testId} className={`badge ${tones[tone]}`}>
      {children}
    </span>
  );
}
