import { getFormatter, getTranslations } from "next-intl/server";
import { EmailPanel } from "@/components/settings/email-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { emailVerificationOf } from "@/lib/data/email-tokens";
import { mailConfigured } from "@/lib/mail/transport";

/** Settings → Email: reads its own status, so the settings page needs one line for it. */
export async function EmailCard() {
  const user = await requireUser();
  const [t, format, status] = await Promise.all([
    getTranslations("emailVerification"),
    getFormatter(),
    emailVerificationOf(user),
  ]);
  return (
    <Card id="email">
      <CardHeader title={t("title")} description={t("description")} />
      <EmailPanel
        email={status.email}
        verifiedOn={
          status.verifiedAt ? format.dateTime(status.verifiedAt, { dateStyle: "medium" }) : null
        }
        pendingEmail={status.pendingEmail}
        mailAvailable={mailConfigured()}
      />
    </Card>
  );
}
