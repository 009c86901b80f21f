import type { ReactNode } from "react";

type Tone = "error" | "success" | "info";

/** A message tied to a form; role=status so screen readers announce it. Its look: .alert in app/globals.css. */
export function Alert({
  tone,
  children,
  testId,
}: {
  tone: Tone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`alert alert-${tone}`}
    >
      {children}
    </div>
  );
}
