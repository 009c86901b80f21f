// Recurring charges found in imported statements (issue 33, point 6): the
// same merchant, at a regular interval, for similar amounts. Pure rules; the
// data layer hands in the lines, and the statements page offers each one no
// subscription covers as "add this subscription".
import { daysBetween } from "./dates";
import { normalizeDescription } from "./merchant-patterns";
import type { BillingCycle } from "./subscriptions";

export type RecurringLine = {
  id: string;
  postedOn: string;
  description: string;
  /** Minor units; a charge is positive, money back negative. */
  amount: number;
  currency: string;
  subscriptionId: string | null;
};

export type RecurringCharge = {
  merchantKey: string;
  /** The newest line's description, as the bank printed it. */
  description: string;
  /** The newest line's amount. */
  amount: number;
  currency: string;
  cycle: BillingCycle;
  occurrences: number;
  firstPostedOn: string;
  lastPostedOn: string;
  /** The subscription most of its lines are matched to; null when none covers it. */
  subscriptionId: string | null;
};

/** Days between two charges of each cycle, with room for weekends, short months and late posting. */
const CYCLE_BANDS: readonly { cycle: BillingCycle; min: number; max: number; least: number }[] = [
  { cycle: "weekly", min: 6, max: 8, least: 4 },
  { cycle: "monthly", min: 26, max: 35, least: 3 },
  { cycle: "quarterly", min: 85, max: 97, least: 2 },
  { cycle: "yearly", min: 355, max: 376, least: 2 },
];

/** Amounts within this share of the group's typical amount count as "similar" (a price rise of a few dollars). */
const SIMILAR_AMOUNT = 0.25;

/** Words of a descriptor that carry a place or a reference rather than the merchant. */
const MERCHANT_WORDS = 3;

/**
 * Words banks put before the merchant on card and account lines, as real
 * statements print them ("Recurring Card Purchase 02/28 Netflix.Com …",
 * "VISA - 08/22 NETFLIX.COM …", "POS DEBIT SQ *JOES PIZZA 05/14"), normalized.
 * Longest first: "CARD PURCHASE WITH PIN" before "CARD PURCHASE".
 */
const BANK_PREFIXES = [
  "RECURRING CARD PURCHASE",
  "RECURRING DEBIT CARD",
  "RECURRING PAYMENT",
  "DEBIT CARD PURCHASE",
  "CARD PURCHASE WITH PIN",
  "CARD PURCHASE",
  "PURCHASE AUTHORIZED ON",
  "POS PURCHASE",
  "POS DEBIT",
  "ACH WITHDRAWAL",
  "ACH DEBIT",
  "PREAUTHORIZED DEBIT",
  "CHECKCARD",
  "DEBIT",
  "VISA",
  "SQ",
  "TST",
].map((prefix) => prefix.split(" "));

function withoutBankPrefix(words: string[]): string[] {
  let rest = words;
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const prefix of BANK_PREFIXES) {
      if (rest.length > prefix.length && prefix.every((word, i) => rest[i] === word)) {
        rest = rest.slice(prefix.length);
        stripped = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * The merchant part of a statement description: letters and digits as
 * merchant patterns see them, without the words that change from line to line
 * (reference numbers, dates, phone numbers: any word with a digit), without
 * the bank's own words before the merchant, and only the first few words,
 * since banks append the city and state.
 * "SPOTIFY USA 877-7781161 NY" → "SPOTIFY USA NY"; "AMZN Mktp US*2K4L11" → "AMZN MKTP US".
 */
export function merchantKey(description: string): string {
  const words = normalizeDescription(description)
    .split(" ")
    .filter((word) => word !== "" && !/\p{N}/u.test(word));
  return withoutBankPrefix(words).slice(0, MERCHANT_WORDS).join(" ");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The cycle a run of dates keeps, when it keeps one: a skipped cycle (a missing statement) is allowed. */
function cycleOf(dates: readonly string[]): BillingCycle | null {
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i += 1) gaps.push(daysBetween(dates[i - 1]!, dates[i]!));
  // Two charges on one day are one bill charged twice, not a cycle of zero days.
  if (gaps.some((gap) => gap === 0)) return null;
  const typical = median(gaps);
  const band = CYCLE_BANDS.find((b) => typical >= b.min && typical <= b.max);
  if (!band || dates.length < band.least) return null;
  const fits = (gap: number) =>
    [1, 2, 3].some((times) => gap >= band.min * times && gap <= band.max * times);
  return gaps.every(fits) ? band.cycle : null;
}

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

/**
 * The recurring charges among a user's statement lines, newest first: per
 * merchant and currency, the charges of a similar amount, when their dates
 * keep a weekly, monthly, quarterly or yearly rhythm.
 */
export function findRecurringCharges(lines: readonly RecurringLine[]): RecurringCharge[] {
  const groups = new Map<string, RecurringLine[]>();
  for (const line of lines) {
    if (line.amount <= 0) continue;
    const key = merchantKey(line.description);
    if (key.replace(/ /g, "").length < 3) continue;
    const group = `${key}\u0000${line.currency}`;
    const members = groups.get(group);
    if (members) members.push(line);
    else groups.set(group, [line]);
  }
  const found: RecurringCharge[] = [];
  for (const [group, members] of groups) {
    const typical = median(members.map((line) => line.amount));
    const similar = members
      .filter((line) => Math.abs(line.amount - typical) <= typical * SIMILAR_AMOUNT)
      .sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.id.localeCompare(b.id));
    const cycle = cycleOf(similar.map((line) => line.postedOn));
    if (cycle === null) continue;
    const newest = similar.at(-1)!;
    found.push({
      merchantKey: group.split("\u0000")[0]!,
      description: newest.description,
      amount: newest.amount,
      currency: newest.currency,
      cycle,
      occurrences: similar.length,
      firstPostedOn: similar[0]!.postedOn,
      lastPostedOn: newest.postedOn,
      subscriptionId: mostCommon(similar.map((line) => line.subscriptionId)),
    });
  }
  return found.sort(
    (a, b) =>
      b.lastPostedOn.localeCompare(a.lastPostedOn) || a.merchantKey.localeCompare(b.merchantKey),
  );
}

/** Web suffixes that are no part of a name ("NETFLIX COM"). */
const WEB_SUFFIXES = new Set(["COM", "NET", "ORG"]);

/**
 * A provider name to start "add this subscription" with when no playbook
 * names the charge: the merchant's words once each, without web suffixes or a
 * trailing two-letter state, capitalized. "NETFLIX COM NETFLIX" → "Netflix";
 * "SPOTIFY USA NY" → "Spotify Usa". The user edits it in the form.
 */
export function providerNameOf(key: string): string {
  const words = [...new Set(key.split(" "))].filter((word) => !WEB_SUFFIXES.has(word));
  if (words.length > 1 && /^[A-Z]{2}$/.test(words.at(-1)!)) words.pop();
  const name = (words.length > 0 ? words : key.split(" ")).join(" ");
  return name
    .toLowerCase()
    .replace(/(^|\s)(\p{L})/gu, (_, space, letter) => space + letter.toUpperCase());
}
