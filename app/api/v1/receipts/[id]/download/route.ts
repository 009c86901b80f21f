import { Readable } from "node:stream";
import { apiRoute } from "@/lib/http/api-route";
import { openReceipt } from "@/lib/data/receipts";
import { INLINE_IMAGE_TYPES } from "@/lib/domain/receipts";

type Params = { id: string };

function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The bytes, after the owner check. Attachment by default; raster images may
 * be shown inline (?inline=1, for thumbnails). next.config.mjs adds nosniff, a
 * sandbox CSP and no-store to every /api response.
 */
export const GET = apiRoute<Params>(async ({ request, params, user }) => {
  const { receipt, stream } = await openReceipt(user, params.id);
  const inline =
    new URL(request.url).searchParams.get("inline") === "1" &&
    INLINE_IMAGE_TYPES.has(receipt.mimeType);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": receipt.mimeType,
      "Content-Length": String(receipt.size),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", receipt.fileName),
      ETag: `"${receipt.sha256}"`,
    },
  });
});
