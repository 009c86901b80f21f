import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { uploadMaxBytes } from "@/lib/config";
import { assertCaseExists, attachReceipt } from "@/lib/data/receipts";
import { receiveUpload } from "@/lib/uploads";
import { parseInput } from "@/lib/validation/parse";
import { receiptFieldsSchema } from "@/lib/validation/receipts";

type Params = { id: string };

// Streams the body with busboy (never request.formData(), which buffers it);
// outside proxy.ts's matcher, so no body-size cut applies.
export const POST = apiRoute<Params>(async ({ request, params, user }) => {
  await assertCaseExists(user, params.id);
  const upload = await receiveUpload(request, uploadMaxBytes());
  try {
    const meta = parseInput(receiptFieldsSchema, upload.fields);
    return NextResponse.json(await attachReceipt(user, params.id, upload, meta), { status: 201 });
  } finally {
    await upload.file.discard();
  }
});
