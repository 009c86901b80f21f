import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** "Not found", with the way back that suits who is asking. */
export async function NotFoundView({ signedIn }: { signedIn: boolean }) {
  const t = await getTranslations("notFound");
  return (
    <div data-testid="not-found">
      <EmptyState
        title={t("title")}
        body={t("body")}
        action={
          <Link href={signedIn ? "/dashboard" : "/login"} className={buttonClasses("primary")}>
            {signedIn ? t("action") : t("actionSignIn")}
          </Link>
        }
      />
    </div>
  );
}
