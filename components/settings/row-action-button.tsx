"use client";

import { useTranslations } from "@/lib/i18n/client";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/result";

/**
 * The button on one row of a Settings list (a token, a session) that runs a
 * server action on that row, after a confirmation when one is asked, and
 * shows the action's error under it.
 */
export function RowActionButton({
  action,
  id,
  label,
  ariaLabel,
  confirmMessage,
}: {
  action: (id: string) => Promise<ActionState>;
  id: string;
  label: string;
  ariaLabel: string;
  confirmMessage?: string;
}) {
  const t = useTranslations();
  const { pending, error, run } = useActionCall();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        pending={pending}
        aria-label={ariaLabel}
        onClick={() => {
          if (confirmMessage && !window.confirm(confirmMessage)) return;
          run(() => action(id));
        }}
      >
        {label}
      </Button>
      <ActionError message={error ? t(error) : null} />
    </div>
  );
}
