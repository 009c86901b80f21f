import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { letterFacts } from "@/lib/data/letters";
import { lettersFor, renderLetter, type MissingFact } from "@/lib/domain/letters";
import { LazyLetterItem } from "./lazy-letter-item";

/**
 * The case's letters, once a charge came after its confirmation: each that
 * fits the account and the subscription, in English to send with the
 * Chinese to read, and which details are still missing from them.
 */
export async function CaseLetters({ caseId }: { caseId: string }) {
  const [user, t, locale] = await Promise.all([
    requireUser(),
    getTranslations("letters"),
    getLocale(),
  ]);
  const facts = await letterFacts(user, caseId);
  if (facts.charges.length === 0) return null;
  const letters = lettersFor(facts).map((kind) => ({
    kind,
    en: renderLetter(kind, facts, "en"),
    zh: renderLetter(kind, facts, "zh-CN"),
  }));
  const missing = [...new Set(letters.flatMap((l) => l.en.missing))] as MissingFact[];
  const labels = {
    copy: t("copy"),
    copied: t("copied"),
    pdf: t("downloadPdf"),
    text: t("downloadText"),
    readChinese: t("readChinese"),
    readEnglish: t("readEnglish"),
    howToSend: t("howToSend"),
  };
  return (
    <Card id="letters" className="scroll-mt-4">
      <CardHeader title={t("title")} />
      <div className="space-y-3" data-testid="letters">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("hint")}</p>
        {missing.length > 0 ? (
          <div
            className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
            data-testid="letters-missing"
          >
            <p className="font-semibold">{t("missingTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {missing.map((fact) => (
                <li key={fact}>{t(`missing.${fact}`)}</li>
              ))}
            </ul>
            <p className="mt-1">
              {t("missingWhere")}{" "}
              <Link href="/statements" className="font-semibold underline">
                {t("statementsLink")}
              </Link>
            </p>
          </div>
        ) : null}
        <p className="text-sm">
          <a
            href={`/api/v1/cases/${caseId}/dispute-pack?lang=en&letters=1`}
            download
            className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
            data-testid="pack-with-letters"
          >
            {t("packWithLetters")}
          </a>
        </p>
        {letters.map(({ kind, en, zh }) => (
          <LazyLetterItem
            key={kind}
            kind={kind}
            name={t(`kind.${kind}`)}
            en={en.text}
            zh={zh.text}
            // Where to send it is read by the user: in the page's language.
            howToSend={locale === "zh-CN" ? zh.howToSend : en.howToSend}
            href={`/api/v1/cases/${caseId}/letters/${kind}`}
            labels={labels}
          />
        ))}
      </div>
    </Card>
  );
}
