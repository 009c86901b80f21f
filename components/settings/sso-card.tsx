import { getFormatter, getTranslations } from "next-intl/server";
import { LazySsoUnlinkForm } from "@/components/settings/lazy-settings-forms";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { oidcSettings, passwordLogin } from "@/lib/config";
import { listOidcIdentities } from "@/lib/data/oidc-identities";
import { isOidcLoginError } from "@/lib/domain/oidc-refusals";
import { unlinkVerdict } from "@/lib/domain/oidc-unlink";
import { listPasskeys } from "@/lib/data/passkeys";

/** Where linking comes back to: this card, saying it is done. */
const AFTER_LINK = "/settings?sso=linked#sso";

/**
 * Settings → Single sign-on, when it is configured: the linked identities
 * with their unlink, and the link button (a round trip through the provider
 * while signed in). `outcome` is ?sso=, what the last link came back with.
 */
export async function SsoCard({ outcome }: { outcome: string | undefined }) {
  const settings = oidcSettings();
  if (!settings) return null;
  const user = await requireUser();
  const [t, format, identities, passkeys] = await Promise.all([
    getTranslations("oidc"),
    getFormatter(),
    listOidcIdentities(user),
    listPasskeys(user),
  ]);
  const label = settings.label ?? t("defaultLabel");
  // One verdict for every row: each is the last identity only when it is the only one.
  const needsPassword =
    unlinkVerdict({
      otherIdentities: identities.length - 1,
      passkeys: passkeys.length,
      passwordLogin: passwordLogin(),
    }) === "needs_password";
  return (
    <Card id="sso">
      <CardHeader title={t("cardTitle")} description={t("cardBody", { label })} />
      <div className="max-w-xl space-y-5">
        {outcome === "linked" ? (
          <Alert tone="success" testId="sso-notice">
            {t("linkedNotice", { label })}
          </Alert>
        ) : isOidcLoginError(outcome) ? (
          <Alert tone="error" testId="sso-error">
            {t(`errors.${outcome}`)}
          </Alert>
        ) : null}
        {identities.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <ul
            aria-label={t("listLabel")}
            className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
          >
            {identities.map((identity) => (
              <li
                key={identity.id}
                className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="font-medium break-words text-slate-900 dark:text-slate-100">
                    {identity.email || label}
                  </p>
                  <p className="text-sm break-words text-slate-600 dark:text-slate-400">
                    {identity.issuer} ·{" "}
                    {t("linked", {
                      date: format.dateTime(identity.createdAt, { dateStyle: "medium" }),
                    })}
                  </p>
                </div>
                <LazySsoUnlinkForm
                  id={identity.id}
                  email={identity.email || label}
                  needsPassword={needsPassword}
                />
              </li>
            ))}
          </ul>
        )}
        <a
          href={`/api/auth/oidc/start?callbackUrl=${encodeURIComponent(AFTER_LINK)}`}
          className={buttonClasses("secondary", "break-words")}
          data-testid="sso-link"
        >
          {t("link", { label })}
        </a>
      </div>
    </Card>
  );
}
