import "server-only";
import { db } from "@/lib/db/client";
import { isLocale, DEFAULT_LOCALE, type Locale } from "@/lib/domain/locales";
import {
  DETAIL_MAX,
  isSecurityEventKind,
  SECURITY_EVENTS_KEPT,
  USER_AGENT_MAX,
  type SecurityEventKind,
} from "@/lib/domain/security-events";
import { afterCursor, toPage, type Page } from "./pagination";
import type { Actor } from "./users";

// The security log's rows. An event is written in the same transaction as
// the change it tells of (pass that transaction's client), so a change that
// failed leaves no entry; the notice by email is sent after the commit by
// lib/notifications/security-notices.ts, which the caller hands the event to.

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** What the request says about who acted: the browser, and a short detail (a token's name). */
export type SecurityContext = { userAgent?: string | null; detail?: string | null };

export type SecurityEventDto = {
  id: string;
  kind: SecurityEventKind;
  at: Date;
  userAgent: string | null;
  detail: string | null;
};

/** A written event, with what its notice needs to know. */
export type RecordedSecurityEvent = SecurityEventDto & {
  userId: string;
  /** No event was logged for the account before: its first sign-in is not news. */
  firstEvent: boolean;
};

const dtoSelect = {
  id: true,
  kind: true,
  at: true,
  userAgent: true,
  detail: true,
} as const satisfies Record<keyof SecurityEventDto, true>;

const clip = (text: string | null | undefined, max: number) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
};

async function write(
  tx: Tx,
  actor: Actor,
  kind: SecurityEventKind,
  context: SecurityContext,
  at: Date,
): Promise<RecordedSecurityEvent> {
  // Counted before the insert: the oldest go so that, with this one, the
  // user keeps at most SECURITY_EVENTS_KEPT (one indexed range per user).
  const count = await tx.securityEvent.count({ where: { userId: actor.id } });
  const excess = count - SECURITY_EVENTS_KEPT + 1;
  if (excess > 0) {
    const oldest = await tx.securityEvent.findMany({
      where: { userId: actor.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: excess,
      select: { id: true },
    });
    await tx.securityEvent.deleteMany({
      where: { userId: actor.id, id: { in: oldest.map((row) => row.id) } },
    });
  }
  const row = await tx.securityEvent.create({
    data: {
      userId: actor.id,
      kind,
      at,
      userAgent: clip(context.userAgent, USER_AGENT_MAX),
      detail: clip(context.detail, DETAIL_MAX),
    },
    select: dtoSelect,
  });
  return { ...row, kind, userId: actor.id, firstEvent: count === 0 };
}

/**
 * Logs one event for the acting user. Inside a change's transaction pass its
 * client as `tx` (the event then commits or rolls back with the change);
 * without one it is a transaction of its own. Then hand the result to
 * `announceSecurityEvent` (lib/notifications/security-notices.ts) for the email.
 */
export async function recordSecurityEvent(
  actor: Actor,
  kind: SecurityEventKind,
  context: SecurityContext = {},
  tx?: Tx,
  at = new Date(),
): Promise<RecordedSecurityEvent> {
  if (tx) return write(tx, actor, kind, context, at);
  return db.$transaction((inner) => write(inner, actor, kind, context, at));
}

/** The acting user's events, newest first, in keyset pages. */
export async function listSecurityEvents(
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<SecurityEventDto>> {
  const rows = await db.securityEvent.findMany({
    where: { userId: actor.id, ...afterCursor("at", query.cursor) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: dtoSelect,
  });
  const page = toPage(rows, query.limit, (row) => row.at);
  return {
    nextCursor: page.nextCursor,
    // A kind this version no longer knows stays in the table but not in the list.
    items: page.items.flatMap((row) =>
      isSecurityEventKind(row.kind) ? [{ ...row, kind: row.kind }] : [],
    ),
  };
}

/** Whom a notice goes to and how it speaks: the account's address, name, language and zone. */
export async function noticeRecipientOf(
  actor: Actor,
): Promise<{ email: string; name: string; locale: Locale; timeZone: string } | null> {
  const row = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, name: true, locale: true, timeZone: true },
  });
  if (!row) return null;
  return { ...row, locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE };
}
