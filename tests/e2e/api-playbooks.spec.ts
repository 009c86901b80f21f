import { expect, test } from "@playwright/test";
import { apiUser, MOBILE_PLAN, PASSWORD, uniqueEmail } from "./helpers";

// The playbooks API (DESIGN.md turn 3) on the fixture library
// (tests/fixtures/playbooks: Example Mobile and Example Stream), and the
// subscriptions' playbookSlug.

test("playbooks: list, search, filter, page; each item in the contract's fields", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const list = async (query: string) => {
    const response = await request.get(`/api/v1/playbooks${query}`, { headers: auth });
    expect(response.status(), query).toBe(200);
    return response.json();
  };
  const all = await list("");
  expect(all).toEqual({
    items: [
      {
        slug: "example-mobile",
        name: "Example Mobile",
        category: "mobile",
        difficulty: 3,
        checkedOn: "2026-12-06",
      },
      {
        slug: "example-stream",
        name: "Example Stream",
        category: "streaming",
        difficulty: 1,
        checkedOn: "2026-12-04",
      },
    ],
    nextCursor: null,
  });
  const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);
  expect(slugs(await list("?q=exampl"))).toEqual(["example-mobile", "example-stream"]);
  expect(slugs(await list("?q=%E7%A4%BA%E4%BE%8B%E7%A7%BB%E5%8A%A8"))).toEqual(["example-mobile"]);
  expect(slugs(await list("?q=EXSTREAM.EXAMPLE%2012%2F03"))).toEqual(["example-stream"]);
  expect(slugs(await list("?category=streaming"))).toEqual(["example-stream"]);
  expect(await list("?q=nothing%20like%20it")).toEqual({ items: [], nextCursor: null });

  const first = await list("?limit=1");
  expect(slugs(first)).toEqual(["example-mobile"]);
  const second = await list(`?limit=1&cursor=${first.nextCursor}`);
  expect(second).toMatchObject({ items: [{ slug: "example-stream" }], nextCursor: null });
});

test("playbooks: 422 for a bad category, limit, cursor or an over-long search", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  for (const [query, field] of [
    ["?category=cars", "category"],
    ["?limit=1000", "limit"],
    ["?cursor=bm9wZQ", "cursor"],
    [`?q=${"a".repeat(101)}`, "q"],
  ]) {
    const response = await request.get(`/api/v1/playbooks${query}`, { headers: auth });
    expect(response.status(), query).toBe(422);
    const body = await response.json();
    expect(body.error.code, query).toBe("unprocessable");
    expect(Object.keys(body.error.fields), query).toEqual([field]);
  }
});

test("a playbook: in the language asked or the user's, 404 unknown, 422 bad lang", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const read = (path: string) => request.get(`/api/v1/playbooks/${path}`, { headers: auth });
  const response = await read("example-mobile");
  expect(response.status()).toBe(200);
  const en = await response.json();
  expect(en).toMatchObject({
    slug: "example-mobile",
    name: "Example Mobile",
    aliases: ["ExampleMobile", "示例移动"],
    category: "mobile",
    difficulty: 3,
    checkedOn: "2026-12-06",
    lapseInsteadOfCancel: null,
    refunds: "No refunds for partial months.",
    fees: null,
    callScript: [
      { en: "I'd like to cancel my line today.", zh: "我想今天取消我的线路。" },
      {
        en: "Please give me a confirmation number for this cancellation.",
        zh: "请给我这次取消的确认编号。",
      },
    ],
    steps: { payment_unlinked: expect.stringMatching(/^Get the transfer PIN/) },
    facts: { refunds: { checkedOn: "2026-12-05", sources: ["help-cancel"] } },
  });
  expect(en.sources[0]).toMatchObject({
    title: "Example Mobile Help: transfer your number",
    url: "https://help.example.com/port-out",
  });
  expect(en.channels[1]).toMatchObject({
    kind: "phone",
    detail: "Call support and ask to cancel.",
    hours: "Daily 8am–8pm ET",
    checkedOn: "2026-12-05",
    sources: ["help-cancel"],
  });
  expect(en.portOut).toMatchObject({
    pinHow: "In the app: Account → Transfer PIN.",
    pinValidDays: 7,
    whoCanRequest: "The account holder.",
    lockName: "Number Lock",
  });

  const zh = await (await read("example-mobile?lang=zh-CN")).json();
  expect(zh.refunds).toBe("不足一个月的部分不退款。");
  expect(zh.portOut.lockName).toBe("号码锁（Number Lock）");

  // A user who reads Chinese gets Chinese without asking.
  const email = uniqueEmail("api-zh");
  const registered = await request.post("/api/v1/auth/register", {
    data: { email, password: PASSWORD, locale: "zh-CN" },
  });
  expect(registered.status()).toBe(201);
  const issued = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  const zhAuth = { Authorization: `Bearer ${(await issued.json()).token}` };
  const own = await request.get("/api/v1/playbooks/example-stream", { headers: zhAuth });
  expect((await own.json()).difficultyWhy).toBe("账户页面里就有取消按钮。");

  for (const slug of ["no-such-provider", "Example-Mobile", "..%2F..%2Fpackage", "a".repeat(300)]) {
    const missing = await read(slug);
    expect(missing.status(), slug).toBe(404);
    expect((await missing.json()).error.code, slug).toBe("not_found");
  }
  const badLang = await read("example-mobile?lang=fr");
  expect(badLang.status()).toBe(422);
  expect((await badLang.json()).error.fields).toEqual({ lang: [expect.any(String)] });
});

test("playbooks need a session or a token", async ({ request }) => {
  expect((await request.get("/api/v1/playbooks")).status()).toBe(401);
  expect((await request.get("/api/v1/playbooks/example-mobile")).status()).toBe(401);
});

test("subscriptions: playbookSlug from the provider's name, chosen, cleared, checked", async ({
  request,
}) => {
  const { auth } = await apiUser(request);
  const create = (data: object) =>
    request.post("/api/v1/subscriptions", { headers: auth, data: { ...MOBILE_PLAN, ...data } });

  const matched = await (await create({ provider: "Example Mobile Unlimited" })).json();
  expect(matched.playbookSlug).toBe("example-mobile");
  expect((await (await create({})).json()).playbookSlug).toBeNull();
  const chosen = await create({ provider: "Example Mobile", playbookSlug: "example-stream" });
  expect((await chosen.json()).playbookSlug).toBe("example-stream");
  const none = await create({ provider: "Example Mobile", playbookSlug: null });
  expect((await none.json()).playbookSlug).toBeNull();

  const unknown = await create({ playbookSlug: "no-such-provider" });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error).toMatchObject({
    code: "unprocessable",
    fields: { playbookSlug: [expect.any(String)] },
  });

  const patch = (data: object) =>
    request.patch(`/api/v1/subscriptions/${matched.id}`, { headers: auth, data });
  expect((await (await patch({ playbookSlug: "example-stream" })).json()).playbookSlug).toBe(
    "example-stream",
  );
  const refused = await patch({ playbookSlug: "../example-mobile" });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields).toEqual({ playbookSlug: [expect.any(String)] });
  expect((await (await patch({ playbookSlug: null })).json()).playbookSlug).toBeNull();
  const read = await request.get(`/api/v1/subscriptions/${matched.id}`, { headers: auth });
  expect((await read.json()).playbookSlug).toBeNull();
});
