import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf } from "@/lib/http/body";
import { uploadFrom } from "@/lib/http/multipart";
import { receiveReceipt } from "@/lib/services/receive-receipt";
import { listCaseReceipts } from "@/lib/data/receipts";
import { pageQuerySchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

type Params = { id: string };

/** All of a case's receipts, newest first (the case's GET embeds the newest 100). */
export const GET = apiRoute<Params>(async ({ request, params, user }) =>
  NextResponse.json(
    await listCaseReceipts(user, params.id, parseInput(pageQuerySchema, queryOf(request))),
  ),
);

// A route handler, not a server action: an action's body is buffered and
// capped at 1 MB (serverActions.bodySizeLimit), while a receipt may be 20 MiB
// and must stream to disk. The path is outside proxy.ts's matcher, so no
// proxied-body cut applies either. The browser's uploader posts here too.
export const POST = apiRoute<Params>(async ({ request, params, user }) =>
  NextResponse.json(await receiveReceipt(user, params.id, uploadFrom(request)), { status: 201 }),
);
