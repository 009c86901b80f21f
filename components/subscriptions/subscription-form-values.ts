import type { SubscriptionFormValues } from "@/components/subscriptions/subscription-form";
import type { SubscriptionDto } from "@/lib/data/subscriptions";
import { defaultPatterns } from "@/lib/domain/merchant-patterns";
import { formatMajorAmount } from "@/lib/domain/money";

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
  trialEndsOn: "",
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
    trialEndsOn: s.trialEndsOn ?? "",
  };
}
