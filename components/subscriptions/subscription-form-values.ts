import type { SubscriptionFormValues } from "@/components/subscriptions/subscription-form";
import type { SubscriptionDto } from "@/lib/data/subscriptions";
import { defaultPatterns } from "@/lib/domain/merchant-patterns";
import { formatMajorAmount, isCurrencyCode } from "@/lib/domain/money";
import { BILLING_CYCLES, type BillingCycle } from "@/lib/domain/subscriptions";

/** The add form's starting values: a monthly US mobile plan, the commonest case here. */
export const NEW_SUBSCRIPTION_VALUES: SubscriptionFormValues = {
  provider: "",
  category: "mobile",
  plan: "",
  amount: "",
  currency: "USD",
  billingCycle: "monthly",
  nextRenewalOn: "",
  accountRef: "",
  paymentMethod: "",
  autoRenew: true,
  cancelUrl: "",
  notes: "",
  merchantPatterns: "",
  playbookSlug: "",
  trialEndsOn: "",
  remindDaysBefore: "",
  noticeDays: "",
};

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** The edit form's values for a stored subscription. */
export function subscriptionFormValues(s: SubscriptionDto): SubscriptionFormValues {
  return {
    id: s.id,
    provider: s.provider,
    category: s.category,
    plan: s.plan ?? "",
    amount: formatMajorAmount(s.amount, s.currency),
    currency: s.currency,
    billingCycle: s.billingCycle,
    nextRenewalOn: s.nextRenewalOn ?? "",
    accountRef: s.accountRef ?? "",
    paymentMethod: s.paymentMethod ?? "",
    autoRenew: s.autoRenew,
    cancelUrl: s.cancelUrl ?? "",
    notes: s.notes ?? "",
    // Shown only when they are the plan's own; the defaults follow a renamed provider.
    merchantPatterns: sameList(s.merchantPatterns, defaultPatterns(s.provider))
      ? ""
      : s.merchantPatterns.join("\n"),
    playbookSlug: s.playbookSlug ?? "",
    trialEndsOn: s.trialEndsOn ?? "",
    remindDaysBefore: s.remindDaysBeforeDefault ? "" : s.remindDaysBefore.join(", "),
    noticeDays: s.noticeDays === null ? "" : String(s.noticeDays),
  };
}

/** One query value as text, or null: `?provider=a&provider=b` or a value far too long is ignored. */
function queryText(value: string | string[] | undefined, max: number): string | null {
  return typeof value === "string" && value.trim() !== "" && value.length <= max
    ? value.trim()
    : null;
}

/**
 * The add form's values prefilled from its link (`/subscriptions/new?provider=…
 * &amount=…&currency=…&billingCycle=…`, as "add this subscription" on the
 * statements page builds it). A value that is not valid is left out, and the
 * form's own validation still runs on save.
 */
export function prefilledSubscriptionValues(
  query: Record<string, string | string[] | undefined>,
): SubscriptionFormValues {
  const currency = queryText(query.currency, 3)?.toUpperCase() ?? null;
  const cycle = queryText(query.billingCycle, 20);
  return {
    ...NEW_SUBSCRIPTION_VALUES,
    provider: queryText(query.provider, 100) ?? "",
    amount: queryText(query.amount, 20) ?? "",
    ...(currency && isCurrencyCode(currency) ? { currency } : {}),
    ...(cycle && (BILLING_CYCLES as readonly string[]).includes(cycle)
      ? { billingCycle: cycle as BillingCycle }
      : {}),
  };
}
