import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import {
  StatementLinesView,
  type LineFilters,
  type LinesProblem,
} from "@/components/charges/statement-lines-view";
import { requireUser } from "@/lib/auth/session";
import type { TransactionDto } from "@/lib/data/flagged-charges";
import type { Page } from "@/lib/data/pagination";
import { lineFilterOptions } from "@/lib/data/statement-lines";
import { listTransactions } from "@/lib/data/transactions";
import type { SessionUser } from "@/lib/data/users";
import { todayIn } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors/app-error";
import { statementLinesQuerySchema } from "@/lib/validation/statement-lines";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statementLines");
  return { title: t("title") };
}

const PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

const NOTHING: Page<TransactionDto> = { items: [], nextCursor: null };

/**
 * The page of lines the URL asks for. A cursor this page did not write is
 * said so (not a 500); a filter that cannot be one of the user's (a label
 * too long to be one) matches nothing, as a foreign id does in the data layer.
 */
async function linesOf(
  user: SessionUser,
  params: Params,
): Promise<{ filters: LineFilters; lines: Page<TransactionDto>; problem: LinesProblem }> {
  const wanted = {
    account: params.account,
    subscriptionId: params.subscriptionId,
    flagged: params.flagged,
    cursor: params.cursor,
    limit: PAGE_SIZE,
  };
  const parsed = statementLinesQuerySchema.safeParse(wanted);
  if (!parsed.success) {
    const filtersOnly = statementLinesQuerySchema.safeParse({ ...wanted, cursor: undefined });
    if (filtersOnly.success)
      return { filters: filtersOnly.data, lines: NOTHING, problem: "cursor" };
    const filters = {
      account: first(params.account),
      subscriptionId: first(params.subscriptionId),
      flagged: first(params.flagged) === "true",
    };
    return { filters, lines: NOTHING, problem: null };
  }
  try {
    return {
      filters: parsed.data,
      lines: await listTransactions(user, parsed.data),
      problem: null,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed")
      return { filters: parsed.data, lines: NOTHING, problem: "cursor" };
    throw error;
  }
}

/** Every statement line, newest first, filtered by account, subscription and flag, by URL. */
export default async function StatementLinesPage({
  searchParams,
}: {
  searchParams: Promise<Params>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const [t, locale, options, read] = await Promise.all([
    getTranslations(),
    getLocale(),
    lineFilterOptions(user),
    linesOf(user, params),
  ]);
  return (
    <StatementLinesView
      {...read}
      paged={Boolean(first(params.cursor))}
      options={options}
      timeZone={user.timeZone}
      today={todayIn(user.timeZone)}
      i18n={{ t, locale }}
    />
  );
}
