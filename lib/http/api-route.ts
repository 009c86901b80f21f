import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { authenticateApiToken } from "@/lib/data/api-tokens";
import type { SessionUser } from "@/lib/data/users";
import {
  AppError,
  asAppError,
  type AppErrorDetails,
  type FieldErrors,
} from "@/lib/errors/app-error";
import { baseUrl, trustProxy } from "@/lib/config";
import { writeOriginRefusal } from "@/lib/http/write-origin.mjs";
import { formatSimpleMessage } from "@/lib/i18n/simple-messages";
import en from "@/messages/en.json";

// The one wrapper every /api/v1 handler goes through: it finds the acting
// user (Bearer token or session cookie), refuses cookie writes from a foreign
// Origin, and maps errors to docs/contract.md's shape. Handlers stay thin.

type RouteContext<P> = { params: Promise<P> };
type Handler<P, U> = (input: { request: Request; params: P; user: U }) => Promise<Response>;

const errorMessages: Record<string, string> = en.errors;

function englishFields(fields: FieldErrors, values: AppErrorDetails | undefined): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([field, keys]) => [
      field,
      keys.map((k) => (errorMessages[k] ? formatSimpleMessage(errorMessages[k], values) : k)),
    ]),
  );
}

export function errorResponse(error: AppError): NextResponse {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: englishFields(error.fields, error.details) } : {}),
      // The same errors as codes, for a client that speaks another language (the uploader).
      ...(error.fields ? { fieldCodes: error.fields } : {}),
      // limit_reached says which limit, so a script (or the uploader) can say it too.
      ...(error.code === "limit_reached" && error.details?.limit !== undefined
        ? { limit: error.details.limit }
        : {}),
      // A statement's bad row says which row, for the same reason.
      ...(error.details?.row !== undefined ? { row: error.details.row } : {}),
    },
  };
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  return NextResponse.json(body, { status: error.status, headers });
}

function handleError(error: unknown): NextResponse {
  const known = asAppError(error);
  if (known) return errorResponse(known);
  console.error("Unhandled API error", error);
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong. Try again later." } },
    { status: 500 },
  );
}

// request.url is no help here: Next.js builds it from the name the server
// was started with (localhost), not from the address the browser used.
function originRefused(request: Request): boolean {
  return (
    writeOriginRefusal({
      method: request.method,
      headers: request.headers,
      cookieAuthenticated: true,
      trustProxy: trustProxy(),
      base: new URL(baseUrl()).origin,
    }) !== null
  );
}

async function actingUser(request: Request): Promise<SessionUser> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const [scheme, token] = authorization.trim().split(/\s+/, 2);
    const user =
      scheme?.toLowerCase() === "bearer" && token ? await authenticateApiToken(token) : null;
    if (!user) throw new AppError("unauthorized", "The API token is missing, invalid or revoked.");
    return user;
  }
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in or send an API token.");
  if (originRefused(request)) {
    throw new AppError("forbidden", "Cross-origin requests with a session cookie are refused.");
  }
  return user;
}

/** A route handler for the signed-in user (cookie or Bearer token). */
export function apiRoute<P = Record<string, never>>(handler: Handler<P, SessionUser>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const user = await actingUser(request);
      return await handler({ request, params: await context.params, user });
    } catch (error) {
      return handleError(error);
    }
  };
}

/** A route handler anyone may call (sign-up, token exchange). */
export function publicApiRoute<P = Record<string, never>>(handler: Handler<P, null>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler({ request, params: await context.params, user: null });
    } catch (error) {
      return handleError(error);
    }
  };
}
