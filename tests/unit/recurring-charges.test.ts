// Recurring charges found in statements. The descriptions are as real banks
// print them (Chase checking, Bank of America, card statements), the way they
// appear in public statement-parser test data.
import { describe, expect, it } from "vitest";
import {
  findRecurringCharges,
  merchantKey,
  providerNameOf,
  type RecurringLine,
} from "@/lib/domain/recurring-charges";

let next = 0;
function line(postedOn: string, description: string, amount: number, extra = {}): RecurringLine {
  next += 1;
  return {
    id: `l${String(next).padStart(4, "0")}`,
    postedOn,
    description,
    amount,
    currency: "USD",
    subscriptionId: null,
    ...extra,
  };
}

describe("merchantKey", () => {
  it("keeps the merchant and drops references, dates, phone numbers and the bank's words", () => {
    expect(merchantKey("SPOTIFY USA 877-7781161 NY")).toBe("SPOTIFY USA NY");
    expect(merchantKey("AMZN Mktp US*2K4L11")).toBe("AMZN MKTP US");
    expect(merchantKey("AMZN Mktp US*2K4AB1CD0 Amzn.com/bill WA")).toBe("AMZN MKTP US");
    expect(merchantKey("Recurring Card Purchase 02/28 Netflix.Com Netflix.Com CA Card 0885")).toBe(
      "NETFLIX COM NETFLIX",
    );
    expect(merchantKey("VISA - 08/22 NETFLIX.COM NETFLIX.COM CA 000000")).toBe(
      "NETFLIX COM NETFLIX",
    );
    expect(merchantKey("NETFLIX.COM NETFLIX.COM CA")).toBe("NETFLIX COM NETFLIX");
    expect(merchantKey("POS DEBIT SQ *JOES PIZZA 05/14")).toBe("JOES PIZZA");
    expect(merchantKey("TMOBILE*AUTO PAY 800-937-8997 WA")).toBe("TMOBILE AUTO PAY");
  });

  it("keeps a merchant whose name is all bank words", () => {
    expect(merchantKey("VISA")).toBe("VISA");
  });
});

describe("findRecurringCharges", () => {
  it("finds a monthly charge across short and long months, with a price rise", () => {
    const lines = [
      line("2026-01-15", "NETFLIX.COM NETFLIX.COM CA", 1549),
      line("2026-02-15", "NETFLIX.COM NETFLIX.COM CA", 1549),
      line("2026-03-16", "NETFLIX.COM NETFLIX.COM CA", 1549),
      line("2026-04-15", "NETFLIX.COM NETFLIX.COM CA", 1799),
      line("2026-02-03", "STARBUCKS STORE 12345 SEATTLE WA", 575),
    ];
    expect(findRecurringCharges(lines)).toEqual([
      {
        merchantKey: "NETFLIX COM NETFLIX",
        description: "NETFLIX.COM NETFLIX.COM CA",
        amount: 1799,
        currency: "USD",
        cycle: "monthly",
        occurrences: 4,
        firstPostedOn: "2026-01-15",
        lastPostedOn: "2026-04-15",
        subscriptionId: null,
      },
    ]);
  });

  it("needs three monthly charges: two could be anything", () => {
    const lines = [
      line("2026-01-08", "SPOTIFY USA 877-7781161 NY", 1199),
      line("2026-02-08", "SPOTIFY USA 877-7781161 NY", 1199),
    ];
    expect(findRecurringCharges(lines)).toEqual([]);
    expect(
      findRecurringCharges([...lines, line("2026-03-08", "SPOTIFY USA 877-7781161 NY", 1199)]),
    ).toHaveLength(1);
  });

  it("does not take irregular shopping at one merchant for a subscription", () => {
    const lines = [
      line("2026-01-03", "AMZN Mktp US*2K4L11", 3299),
      line("2026-01-19", "AMZN Mktp US*7H2Q90", 1250),
      line("2026-02-27", "AMZN Mktp US*9Z1X22", 862),
      line("2026-03-04", "AMZN Mktp US*1Y8FY3", 4410),
    ];
    expect(findRecurringCharges(lines)).toEqual([]);
  });

  it("keeps the rhythm across a missing statement, and finds weekly, quarterly and yearly", () => {
    const monthly = ["2026-01-10", "2026-02-10", "2026-04-10", "2026-05-10"].map((d) =>
      line(d, "VERIZON WIRELESS PAYMENTS", 6500),
    );
    const weekly = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"].map((d) =>
      line(d, "MEAL KIT CO", 6999),
    );
    const quarterly = ["2025-11-01", "2026-02-01"].map((d) => line(d, "PRIVATE VPN LTD", 2997));
    const yearly = ["2025-03-05", "2026-03-05"].map((d) => line(d, "AMAZON PRIME", 13900));
    const found = findRecurringCharges([...monthly, ...weekly, ...quarterly, ...yearly]);
    expect(found.map((f) => [f.merchantKey, f.cycle, f.occurrences])).toEqual([
      ["VERIZON WIRELESS PAYMENTS", "monthly", 4],
      ["MEAL KIT CO", "weekly", 4],
      ["AMAZON PRIME", "yearly", 2],
      ["PRIVATE VPN LTD", "quarterly", 2],
    ]);
  });

  it("leaves out refunds and an odd one-off amount, and keeps currencies apart", () => {
    const lines = [
      line("2026-01-20", "YOUTUBE PREMIUM", 1399),
      line("2026-02-20", "YOUTUBE PREMIUM", 1399),
      line("2026-02-22", "YOUTUBE PREMIUM", -1399),
      line("2026-03-01", "YOUTUBE PREMIUM", 24900),
      line("2026-03-20", "YOUTUBE PREMIUM", 1399),
      line("2026-01-20", "YOUTUBE PREMIUM", 1399, { currency: "CAD" }),
    ];
    const found = findRecurringCharges(lines);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ currency: "USD", occurrences: 3, amount: 1399 });
  });

  it("does not count a charge made twice on one day as a cycle", () => {
    const lines = ["2026-01-05", "2026-01-05", "2026-02-05", "2026-03-05"].map((d) =>
      line(d, "GYM MEMBERSHIP FEE", 2499),
    );
    expect(findRecurringCharges(lines)).toEqual([]);
  });

  it("says which subscription covers it: the one most of its lines are matched to", () => {
    const lines = [
      line("2026-01-12", "MINT MOBILE 800-683-7392 CA", 3000, { subscriptionId: "s1" }),
      line("2026-02-12", "MINT MOBILE 800-683-7392 CA", 3000, { subscriptionId: "s1" }),
      line("2026-03-12", "MINT MOBILE 800-683-7392 CA", 3000),
    ];
    expect(findRecurringCharges(lines)[0]!.subscriptionId).toBe("s1");
  });
});

describe("providerNameOf", () => {
  it("makes a name to start the add form with", () => {
    expect(providerNameOf("NETFLIX COM NETFLIX")).toBe("Netflix");
    expect(providerNameOf("SPOTIFY USA NY")).toBe("Spotify Usa");
    expect(providerNameOf("HELLOFRESH MEAL KITS")).toBe("Hellofresh Meal Kits");
    expect(providerNameOf("COM")).toBe("Com");
    expect(providerNameOf("ÉPICERIE FINE")).toBe("Épicerie Fine");
  });
});
