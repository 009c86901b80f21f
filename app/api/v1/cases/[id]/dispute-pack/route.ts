import { apiRoute } from "@/lib/http/api-route";
import { disputePackResponse } from "@/lib/http/dispute-pack";

type Params = { id: string };

/** The case's dispute pack: PDF, or `?format=zip` with the original files; `?lang=en|zh-CN`. */
export const GET = apiRoute<Params>(async ({ request, params, user }) =>
  disputePackResponse(user, params.id, request),
);
