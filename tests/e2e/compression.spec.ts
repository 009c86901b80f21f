import { expect, test } from "@playwright/test";

// The server's own compression (server/middlewares/compression.mjs), in
// front of the anonymous page cache: a cached page is compressed too.
test("pages are sent brotli to a browser that asks, gzip to one that asks only for that", async ({
  request,
}) => {
  for (let round = 0; round < 2; round++) {
    // The second round is answered from the signed-out page cache.
    const br = await request.get("/login", { headers: { "accept-encoding": "gzip, br" } });
    expect(br.status()).toBe(200);
    expect(br.headers()["content-encoding"]).toBe("br");
    expect(await br.text()).toContain("</html>");
    const gzip = await request.get("/login", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers()["content-encoding"]).toBe("gzip");
    expect(await gzip.text()).toContain("</html>");
  }
});

test("a page answered from the cache carries its own nonce in its policy and its scripts", async ({
  request,
}) => {
  const nonces = [];
  for (let round = 0; round < 2; round++) {
    const response = await request.get("/register");
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

// The build's files (server/middlewares/static-files.mjs): compressed once at
// build time, answered from memory, cached for good.
test("the page's scripts come precompressed, immutable, with the strict policy", async ({
  request,
}) => {
  const html = await (await request.get("/login")).text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const br = await request.get(script!, { headers: { "accept-encoding": "gzip, br" } });
  expect(br.status()).toBe(200);
  expect(br.headers()["content-encoding"]).toBe("br");
  expect(br.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(br.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(br.headers()["x-content-type-options"]).toBe("nosniff");
  const again = await request.get(script!, {
    headers: { "accept-encoding": "gzip, br", "if-none-match": br.headers().etag! },
  });
  expect(again.status()).toBe(304);
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toContain("Disallow: /");
  expect(robots.headers()["cache-control"]).toBe("public, max-age=0");
});
