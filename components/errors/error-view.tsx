"use client";

import { useEffect } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * What an error boundary shows: the app's own words in the page's language,
 * a way to try again and a way back. Nothing of the error itself is shown
 * but its digest, the reference the server log keeps with it.
 */
export function ErrorView({
  error,
  reset,
  backHref,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  backHref: string;
}) {
  const t = useTranslations("errorPage");
  useEffect(() => console.error(error), [error]);
  return (
    <div role="alert" data-testid="error-page">
      <EmptyState
        title={t("title")}
        body={
          <>
            {t("body")}
            {error.digest ? (
              <span className="mt-2 block font-mono text-xs text-slate-500">
                {t("reference", { digest: error.digest })}
              </span>
            ) : null}
          </>
        }
        action={
          <div className="flex flex-wrap justify-center gap-3">
            <Button onClick={reset}>{t("retry")}</Button>
            {/* A full load, not a client navigation: the app's state may be what broke. */}
            <a href={backHref} className={buttonClasses("secondary")}>
              {t("back")}
            </a>
          </div>
        }
      />
    </div>
  );
}
