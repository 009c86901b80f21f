import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <EmptyState
      title={t("title")}
      body={t("body")}
      action={
        <Link href="/dashboard" className={buttonClasses("primary")}>
          {t("action")}
        </Link>
      }
    />
  );
}
