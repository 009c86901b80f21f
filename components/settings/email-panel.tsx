"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formMessage } from "@/components/ui/form-state";
import { callAction } from "@/components/ui/use-form-action";
import { OnDemandForm } from "@/components/settings/on-demand-form";
import { resendVerificationAction } from "@/lib/actions/email";
import type { ActionState } from "@/lib/actions/result";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The address, whether it is verified (with "resend"), a change waiting for
 * its link, and the form that asks for one. Without mail on the server
 * nothing can be proven, so only the address is shown.
 */
export function EmailPanel({
  email,
  verifiedOn,
  pendingEmail,
  mailAvailable,
}: {
  email: string;
  verifiedOn: string | null;
  pendingEmail: string | null;
  mailAvailable: boolean;
}) {
  const t = useTranslations("emailVerification");
  return (
    <div className="max-w-xl space-y-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 [overflow-wrap:anywhere] text-slate-900 dark:text-white">
          {t("current", { email })}
        </p>
        <span
          data-testid="email-status"
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
            verifiedOn
              ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300"
              : "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300"
          }`}
        >
          {verifiedOn ? t("verified") : t("unverified")}
        </span>
      </div>
      {verifiedOn ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("verifiedOn", { date: verifiedOn })}
        </p>
      ) : mailAvailable ? (
        <Resend />
      ) : null}
      {!mailAvailable ? (
        <Alert tone="info">{t("noMail")}</Alert>
      ) : (
        <>
          {pendingEmail ? (
            <p className="text-sm break-words text-slate-600 dark:text-slate-400">
              {t("pending", { email: pendingEmail })}
            </p>
          ) : null}
          <OnDemandForm which="emailChange" label={t("changeOpen")} />
        </>
      )}
    </div>
  );
}

function Resend() {
  const t = useTranslations("emailVerification");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const message = formMessage(tAll, state);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("unverifiedBody")}</p>
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            setState(await callAction(() => resendVerificationAction()));
          })
        }
      >
        {t("resend")}
      </Button>
      {message ? (
        <Alert tone={state.status === "error" ? "error" : "success"}>{message}</Alert>
      ) : null}
    </div>
  );
}
