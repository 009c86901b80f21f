import { errorResponse } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors/app-error";

// Any /api path that matches no route answers in the API's own error shape,
// not with the HTML 404 page.
const notFound = async () =>
  errorResponse(new AppError("not_found", "There is no such API endpoint."));

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
