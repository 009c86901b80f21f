"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRef } from "react";
import { ActionError } from "@/components/ui/live-region";
import { useActionCall } from "@/components/ui/use-action-call";
import { Button } from "@/components/ui/button";
import { deleteSubscriptionAction } from "@/lib/actions/subscriptions";

/** `body` is the warning, formatted by the server (it has a plural). */
export function DeleteSubscriptionButton({ id, body }: { id: string; body: string }) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const { pending, error, run } = useActionCall();

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t("subscriptions.delete")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-subscription-title"
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="delete-subscription-title" className="text-lg font-semibold">
          {t("subscriptions.deleteTitle")}
        </h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{body}</p>
        <div className={error ? "mt-4" : undefined}>
          <ActionError message={error ? t(error) : null} />
        </div>
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            {t("common.cancel")}
          </Button>
          <Button
            variant="danger"
            pending={pending}
            onClick={() => run(() => deleteSubscriptionAction(id))}
          >
            {pending ? t("subscriptions.deleting") : t("subscriptions.deleteConfirm")}
          </Button>
        </div>
      </dialog>
    </>
  );
}
