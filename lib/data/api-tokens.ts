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
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = generateApiToken();
  const expiresAt = new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000);
  const row = await db.apiToken.create({
    data: {
      userId: actor.id,
      name,
      tokenHash: hashApiToken(token),
      prefix: tokenHint(token),
      expiresAt,
    },
    select: summarySelect,
  });
  return { token, summary: toApiTokenSummary(row) };
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: summarySelect,
  });
  return rows.map(toApiTokenSummary);
}

export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id, userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 1) return;
  const exists = await db.apiToken.count({ where: { id, userId: actor.id } });
  if (!exists) throw notFoundError("Token");
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
