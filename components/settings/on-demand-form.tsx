"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  LazyCreateTokenForm,
  LazyDeleteAccountForm,
  LazyEmailChangeForm,
  LazyPasswordForm,
  preloadSettingsForms,
} from "@/components/settings/lazy-settings-forms";

const FORMS = {
  createToken: LazyCreateTokenForm,
  deleteAccount: LazyDeleteAccountForm,
  emailChange: LazyEmailChangeForm,
  password: LazyPasswordForm,
} as const;

/**
 * A Settings form behind a button: "Change password", "Change email
 * address", "New token", "I want to delete my account". Its code comes with the on-demand chunk (lazy-settings-forms.tsx),
 * fetched as soon as the button is pointed at, touched or focused; Cancel
 * puts the button back.
 */
export function OnDemandForm({
  which,
  label,
  danger = false,
}: {
  which: keyof typeof FORMS;
  label: string;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const Form = FORMS[which];
  if (open) return <Form close={() => setOpen(false)} />;
  return (
    <Button
      variant={danger ? "danger" : "secondary"}
      onClick={() => setOpen(true)}
      {...preloadSettingsForms}
    >
      {label}
    </Button>
  );
}
