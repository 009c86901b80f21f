import { describe, expect, it } from "vitest";
import { tableHref, tableQuery } from "@/lib/domain/subscriptions-sort";

describe("the subscriptions table's address", () => {
  it("reads a dashboard card's view from ?show=, and nothing else as one", () => {
    expect(tableQuery({ show: "no-case" })).toEqual({
      sort: "provider",
      dir: "asc",
      page: 1,
      show: "no-case",
    });
    expect(tableQuery({ show: "renewing", sort: "renewal", page: "2" }).show).toBe("renewing");
    expect(tableQuery({ show: "trial" }).show).toBe("trial");
    expect(tableQuery({ show: "everything" }).show).toBeNull();
    expect(tableQuery({}).show).toBeNull();
  });

  it("keeps the view in every link it makes, and leaves it out when there is none", () => {
    expect(tableHref({ show: "no-case" })).toBe("/subscriptions?show=no-case");
    expect(tableHref({ show: "renewing", sort: "price", dir: "desc", page: 2 })).toBe(
      "/subscriptions?show=renewing&sort=price&dir=desc&page=2",
    );
    expect(tableHref({ show: null, sort: "price", dir: "asc" })).toBe(
      "/subscriptions?sort=price&dir=asc",
    );
    expect(tableHref({})).toBe("/subscriptions");
    // What the link says is what the page reads back.
    const back = new URLSearchParams(
      tableHref({ show: "trial", sort: "status", dir: "desc", page: 3 }).split("?")[1],
    );
    expect(tableQuery(Object.fromEntries(back))).toEqual({
      sort: "status",
      dir: "desc",
      page: 3,
      show: "trial",
    });
  });
});
