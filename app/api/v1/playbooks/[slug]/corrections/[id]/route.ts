import { deleteCorrection } from "@/lib/data/playbook-corrections";
import { apiRoute } from "@/lib/http/api-route";

type Params = { slug: string; id: string };

/** Deletes one of the caller's own corrections. */
export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  await deleteCorrection(user, params.slug, params.id);
  return new Response(null, { status: 204 });
});
