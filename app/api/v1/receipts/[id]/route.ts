import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { deleteReceipt, getReceipt } from "@/lib/data/receipts";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getReceipt(user, params.id)),
);

export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  await deleteReceipt(user, params.id);
  return new NextResponse(null, { status: 204 });
});
