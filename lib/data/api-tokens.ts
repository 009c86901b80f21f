import "server-only";
import {
  generateApiToken,
  hashApiToken,
  looksLikeApiToken,
  tokenHint,
} from "@/lib/crypto/api-token-secret";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFoundError } from "./errors";
import {
  recordSecurityEvent,
  type RecordedSecurityEvent,
  type SecurityContext,
} from "./security-events";
import {
  SESSION_USER_COLUMNS,
  toSessionUser,
  type Actor,
  type SessionUser,
  type SessionUserRow,
} from "./users";

export type ApiTokenSummary = {
  id: string;
  name: string;
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

type ApiTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof summarySelect }>;

/** The token list shows the stored prefix as a hint: `cc_AbCd…`. */
function toApiTokenSummary({ prefix, ...row }: ApiTokenRow): ApiTokenSummary {
  return { ...row, hint: prefix };
}

// Writing lastUsedAt on every request would turn each read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates a token; the plain value is returned here once and never stored. */
export async function createApiToken(
  actor: Actor,
  name: string,
  expiresInDays: number,
  context: SecurityContext = {},
): Promise<{ token: string; summary: ApiTokenSummary; event: RecordedSecurityEvent }> {
  const token = generateApiToken();
  const expiresAt = new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name,
        tokenHash: hashApiToken(token),
        prefix: tokenHint(token),
        expiresAt,
      },
      select: summarySelect,
    });
    const event = await recordSecurityEvent(
      actor,
      "token_created",
      { ...context, detail: name },
      tx,
    );
    return { token, summary: toApiTokenSummary(row), event };
  });
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: summarySelect,
  });
  return rows.map(toApiTokenSummary);
}

/** Revokes one token; revoking a revoked one again is a no-op (and no new event). */
export async function revokeApiToken(
  actor: Actor,
  id: string,
  context: SecurityContext = {},
): Promise<RecordedSecurityEvent | null> {
  const revoked = await db.$transaction(async (tx) => {
    const live = await tx.apiToken.findFirst({
      where: { id, userId: actor.id, revokedAt: null },
      select: { name: true },
    });
    if (!live) return null;
    const { count } = await tx.apiToken.updateMany({
      where: { id, userId: actor.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) return null;
    const detail = live.name;
    return recordSecurityEvent(actor, "token_revoked", { ...context, detail }, tx);
  });
  if (revoked) return revoked;
  const exists = await db.apiToken.count({ where: { id, userId: actor.id } });
  if (!exists) throw notFoundError("Token");
  return null;
}

/** The user a Bearer token acts for, or null when it is unknown, revoked or expired. */
export async function authenticateApiToken(token: string): Promise<SessionUser | null> {
  if (!looksLikeApiToken(token)) return null;
  const [row] = await db.$queryRaw<
    (SessionUserRow & {
      tokenId: string;
      revokedAt: Date | null;
      expiresAt: Date | null;
      lastUsedAt: Date | null;
    })[]
  >`
    SELECT t."id" AS "tokenId", t."revokedAt", t."expiresAt", t."lastUsedAt", ${SESSION_USER_COLUMNS}
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashApiToken(token)}`;
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({
      where: { id: row.tokenId },
      data: { lastUsedAt: now },
      select: { id: true },
    });
  }
  return toSessionUser(row);
}
