import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";

/** For pages: a row that is missing (or someone else's), or a file gone from storage, renders the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (
      isAppError(error) &&
      (error.code === "not_found" || error.code === "validation_failed" || error.code === "gone")
    )
      notFound();
    throw error;
  }
}
