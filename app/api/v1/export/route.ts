import { Readable } from "node:stream";
import { apiRoute } from "@/lib/http/api-route";
import { exportAccount } from "@/lib/services/export-account";

/**
 * "Download my data": a ZIP of all the caller's records as JSON (the list is
 * lib/services/export-account.ts's README) and receipt files, streamed as it
 * is read. next.config.mjs adds nosniff, a sandbox CSP and no-store to every
 * /api response.
 */
export const GET = apiRoute(async ({ user }) => {
  const { zip, exportedAt } = await exportAccount(user);
  const day = exportedAt.toISOString().slice(0, 10);
  return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="cancelcase-export-${day}.zip"`,
    },
  });
});
