import { Readable } from "node:stream";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { buildDisputePack } from "@/lib/services/build-dispute-pack";
import { disputePackQuerySchema } from "@/lib/validation/dispute-pack";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

const CONTENT_TYPES = { pdf: "application/pdf", zip: "application/zip" } as const;

/** The case's dispute pack: PDF, or `?format=zip` with the original files; `?lang=en|zh-CN`. */
export const GET = apiRoute<Params>(async ({ request, params, user }) => {
  const query = parseInput(disputePackQuerySchema, queryOf(request));
  const pack = await buildDisputePack(user, params.id, query);
  return new Response(Readable.toWeb(pack.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": CONTENT_TYPES[pack.format],
      "Content-Disposition": `attachment; filename="${pack.name}.${pack.format}"`,
    },
  });
});
