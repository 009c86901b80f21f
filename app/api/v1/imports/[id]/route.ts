import { NextResponse } from "next/server";
import { deleteImport, getImport } from "@/lib/data/statement-imports";
import { apiRoute } from "@/lib/http/api-route";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, user }) =>
  NextResponse.json(await getImport(user, params.id)),
);

/** The import and every line it added. */
export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  await deleteImport(user, params.id);
  return new NextResponse(null, { status: 204 });
});
