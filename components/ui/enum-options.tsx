import { useTranslations } from "@/lib/i18n/client";

/** <option>s for a closed list of values, labelled from messages/<namespace>.<value>. */
export function EnumOptions({
  values,
  namespace,
}: {
  values: readonly string[];
  namespace: string;
}) {
  const t = useTranslations(namespace);
  return values.map((value) => (
    <option key={value} value={value}>
      {t(value)}
    </option>
  ));
}
