import { Readable } from "node:stream";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { caseLetter, letterPdf } from "@/lib/services/build-letter";
import { letterQuerySchema } from "@/lib/validation/letters";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string; kind: string };

/**
 * One of the case's letters (docs/api.md): text by default, `?format=pdf`;
 * `?lang=zh-CN` for the Chinese version to read. 404 for another user's
 * case, an unknown kind, a kind that does not fit the case, or a
 * `transactionId` that is not one of the case's flagged charges.
 */
export const GET = apiRoute<Params>(async ({ request, params, user }) => {
  const query = parseInput(letterQuerySchema, queryOf(request));
  const { letter, name } = await caseLetter(user, params.id, params.kind, query);
  if (query.format === "txt") {
    return new Response(letter.text, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.txt"`,
      },
    });
  }
  const pdf = await letterPdf(user, letter);
  return new Response(Readable.toWeb(pdf) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}.pdf"`,
    },
  });
});
