// `npm run seed:demo`: a demo account with subscriptions and cases in
// different states, to look around with. Safe to run again.
import { loadEnvConfig } from "@next/env";
import { databaseFile, usesPostgres } from "@/lib/config";
import { openCase, transitionCase, updateCase } from "@/lib/data/cases";
import { createSubscription } from "@/lib/data/subscriptions";
import { registerUser } from "@/lib/data/users";
import { isAppError } from "@/lib/errors/app-error";

loadEnvConfig(process.cwd());

const DEMO = { email: "demo@cancelcase.test", password: "demo passphrase 2026", name: "Demo" };

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function seed(user: { id: string }) {
  const mobile = await createSubscription(user, {
    provider: "Mint Mobile",
    category: "mobile",
    plan: "Unlimited 5G (prepaid)",
    amount: 3000,
    currency: "USD",
    billingCycle: "monthly",
    nextRenewalOn: daysFromNow(12),
    accountRef: "415-555-0142",
    paymentMethod: "Visa ••4242",
    autoRenew: true,
    cancelUrl: "https://www.mintmobile.com/",
  });
  const esim = await createSubscription(user, {
    provider: "Airalo",
    category: "mobile",
    plan: "USA eSIM 20 GB",
    amount: 2600,
    currency: "USD",
    billingCycle: "monthly",
    nextRenewalOn: daysFromNow(3),
    paymentMethod: "Apple Pay",
    autoRenew: true,
  });
  const streaming = await createSubscription(user, {
    provider: "Netflix",
    category: "streaming",
    plan: "Standard",
    amount: 1799,
    currency: "USD",
    billingCycle: "monthly",
    nextRenewalOn: daysFromNow(20),
    paymentMethod: "Mastercard ••5100",
  });
  const gym = await createSubscription(user, {
    provider: "Planet Fitness",
    category: "fitness",
    plan: "Black Card",
    amount: 2499,
    currency: "USD",
    billingCycle: "monthly",
    nextRenewalOn: daysFromNow(8),
    accountRef: "PF-99812233",
    paymentMethod: "Visa ••4242",
    notes: "Cancellation only in club or by certified mail.",
  });
  await createSubscription(user, {
    provider: "iCloud+",
    category: "software",
    plan: "200 GB",
    amount: 2900,
    currency: "CNY",
    billingCycle: "monthly",
    nextRenewalOn: daysFromNow(15),
  });

  // The eSIM: trip over, cancelled and confirmed.
  let c = await openCase(user, { subscriptionId: esim.id, reason: "trip_ended", method: "online" });
  c = await transitionCase(user, c.id, {
    to: "bill_checked",
    expectedVersion: c.version,
    comment: "No balance due.",
  });
  c = await transitionCase(user, c.id, {
    to: "request_submitted",
    expectedVersion: c.version,
    comment: "Turned off auto top-up in the app.",
  });
  await transitionCase(user, c.id, {
    to: "confirmation_received",
    expectedVersion: c.version,
    confirmationNumber: "AIR-20461-US",
  });

  // The prepaid plan: porting the number out; under review with an overdue follow-up.
  c = await openCase(user, { subscriptionId: mobile.id, reason: "switching", method: "phone" });
  c = await transitionCase(user, c.id, { to: "bill_checked", expectedVersion: c.version });
  c = await transitionCase(user, c.id, {
    to: "data_backed_up",
    expectedVersion: c.version,
    comment: "Contacts synced to Google.",
  });
  c = await transitionCase(user, c.id, { to: "payment_unlinked", expectedVersion: c.version });
  c = await transitionCase(user, c.id, {
    to: "request_submitted",
    expectedVersion: c.version,
    comment: "Port-out PIN requested; agent Dana, ticket 88231.",
  });
  c = await transitionCase(user, c.id, { to: "under_review", expectedVersion: c.version });
  await updateCase(user, c.id, { nextFollowUpOn: daysFromNow(-1) });

  // The gym: rejected for an unpaid balance.
  c = await openCase(user, { subscriptionId: gym.id, reason: "cost", method: "mail" });
  c = await transitionCase(user, c.id, { to: "bill_checked", expectedVersion: c.version });
  c = await transitionCase(user, c.id, {
    to: "request_submitted",
    expectedVersion: c.version,
    comment: "Certified letter sent.",
  });
  await transitionCase(user, c.id, {
    to: "rejected",
    expectedVersion: c.version,
    rejectionReason: "unpaid_balance",
    comment: "Annual fee of $49 outstanding.",
  });

  // Streaming: just opened.
  await openCase(user, { subscriptionId: streaming.id, reason: "charges" });
}

async function main() {
  try {
    const user = await registerUser({ ...DEMO, locale: "en", timeZone: "America/Los_Angeles" });
    await seed(user);
    console.log(
      `Created the demo account in ${usesPostgres() ? "the PostgreSQL database" : databaseFile()}`,
    );
  } catch (error) {
    if (!isAppError(error) || error.code !== "email_taken") throw error;
    console.log("The demo account already exists.");
  }
  console.log(`  email:    ${DEMO.email}\n  password: ${DEMO.password}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
