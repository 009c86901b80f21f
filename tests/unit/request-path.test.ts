import { describe, expect, it } from "vitest";

type RequestPath = (options: {
  dev: boolean;
  handle: () => Promise<void>;
  env?: Record<string, string | undefined>;
}) => ((...args: unknown[]) => void)[];
const load = async () =>
  (await import("../../server/http-server.mjs" as string)) as { requestPath: RequestPath };
const handle = async () => {};

describe("the server's request path (server/http-server.mjs)", () => {
  it("refuses a TRUST_PROXY that is neither true nor false, as the app does", async () => {
    const { requestPath } = await load();
    // The server once read "maybe" as false while the app refused it.
    expect(() => requestPath({ dev: false, handle, env: { TRUST_PROXY: "maybe" } })).toThrow(
      /TRUST_PROXY/,
    );
    expect(requestPath({ dev: false, handle, env: { TRUST_PROXY: "yes" } })).toHaveLength(9);
  });

  it("leaves out compression when COMPRESSION=off, the signed-in page cache when PAGE_CACHE_MB=0, both page caches in development", async () => {
    const { requestPath } = await load();
    expect(requestPath({ dev: false, handle, env: {} })).toHaveLength(9);
    expect(requestPath({ dev: false, handle, env: { COMPRESSION: "off" } })).toHaveLength(8);
    expect(requestPath({ dev: false, handle, env: { PAGE_CACHE_MB: "0" } })).toHaveLength(8);
    expect(requestPath({ dev: true, handle, env: {} })).toHaveLength(7);
  });
});
