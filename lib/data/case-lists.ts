import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CASE_STATES, CLOSED_STATES, isClosed, type CaseState } from "@/lib/domain/case-workflow";
import { DASHBOARD_ROWS } from "@/lib/domain/dashboard";
import type { CaseListQuery } from "@/lib/validation/cases";
import { caseSelect, toCaseDto, type CaseDto } from "./case-dto";
import { fromColumn } from "./columns";
import { afterCursor, decodeInboxCursor, encodeInboxCursor, toPage, type Page } from "./pagination";
import type { Actor } from "./users";

// The lists of cases: the API's (newest first), the cases page's (follow-ups
// due first), one subscription's, and the counts of the dashboard and the
// filter chips. One case and its writes are ./cases.ts's.

export type CaseListItem = CaseDto & { subscription: { provider: string; plan: string | null } };

type CaseRow = Prisma.CancellationCaseGetPayload<{ select: typeof caseSelect }>;

const openStates = { notIn: [...CLOSED_STATES] };

/** Open cases whose follow-up date is today or earlier. */
function followUpDueWhere(today: string): Prisma.CancellationCaseWhereInput {
  return { nextFollowUpOn: { lte: today }, state: openStates };
}

function withSubscription(
  row: CaseRow & { subscription: { provider: string; plan: string | null } },
): CaseListItem {
  const { subscription, ...kase } = row;
  return { ...toCaseDto(kase), subscription };
}

const listItemSelect = { ...caseSelect, subscription: { select: { provider: true, plan: true } } };

/** The cases newest first (the API's order), filtered by state or by follow-ups due. */
export async function listCases(
  actor: Actor,
  query: CaseListQuery & { today?: string },
): Promise<Page<CaseListItem>> {
  const followUp = query.followUp === "due" && query.today ? followUpDueWhere(query.today) : {};
  const rows = await db.cancellationCase.findMany({
    where: {
      AND: [
        { userId: actor.id, ...(query.state ? { state: query.state } : {}) },
        followUp,
        afterCursor("openedAt", query.cursor),
      ],
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: listItemSelect,
  });
  return toPage(rows.map(withSubscription), query.limit, (row) => row.openedAt);
}

/**
 * The cases page's order: follow-ups due first (the most overdue first),
 * then every other case newest first, across all pages. Two indexed queries
 * a page at most: the due part, then the rest; the cursor says which part
 * the next page continues.
 */
export async function listCasesDueFirst(
  actor: Actor,
  query: CaseListQuery & { today: string },
): Promise<Page<CaseListItem>> {
  const cursor = query.cursor ? decodeInboxCursor(query.cursor) : null;
  const base = { userId: actor.id, ...(query.state ? { state: query.state } : {}) };
  const due = followUpDueWhere(query.today);
  const items: CaseListItem[] = [];

  if (!cursor || cursor.part === "due") {
    const after: Prisma.CancellationCaseWhereInput = cursor
      ? {
          OR: [
            { nextFollowUpOn: { gt: cursor.followUpOn } },
            { nextFollowUpOn: cursor.followUpOn, openedAt: { lt: cursor.at } },
            { nextFollowUpOn: cursor.followUpOn, openedAt: cursor.at, id: { lt: cursor.id } },
          ],
        }
      : {};
    const rows = await db.cancellationCase.findMany({
      where: { AND: [base, due, after] },
      orderBy: [{ nextFollowUpOn: "asc" }, { openedAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: listItemSelect,
    });
    items.push(...rows.slice(0, query.limit).map(withSubscription));
    if (rows.length > query.limit) {
      const last = items.at(-1)!;
      return {
        items,
        nextCursor: encodeInboxCursor({
          part: "due",
          followUpOn: last.nextFollowUpOn!,
          at: last.openedAt,
          id: last.id,
        }),
      };
    }
  }
  if (query.followUp === "due") return { items, nextCursor: null };

  const room = query.limit - items.length;
  const rows = await db.cancellationCase.findMany({
    where: {
      AND: [
        base,
        // Not due, spelled out: NOT (due) would drop rows without a date (NULL).
        {
          OR: [
            { nextFollowUpOn: null },
            { nextFollowUpOn: { gt: query.today } },
            { state: { in: [...CLOSED_STATES] } },
          ],
        },
        cursor?.part === "rest" && cursor.at && cursor.id
          ? {
              OR: [{ openedAt: { lt: cursor.at } }, { openedAt: cursor.at, id: { lt: cursor.id } }],
            }
          : {},
      ],
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: room + 1,
    select: listItemSelect,
  });
  items.push(...rows.slice(0, room).map(withSubscription));
  if (rows.length <= room) return { items, nextCursor: null };
  const last = items.at(-1);
  // A page filled by due cases alone continues with the rest from its start.
  const nextCursor =
    last && room > 0
      ? encodeInboxCursor({ part: "rest", at: last.openedAt, id: last.id })
      : encodeInboxCursor({ part: "rest", at: null, id: null });
  return { items, nextCursor };
}

/** The newest cases of one subscription (a subscription rarely has more than a few). */
export async function listCasesOfSubscription(
  actor: Actor,
  subscriptionId: string,
  limit = 50,
): Promise<CaseDto[]> {
  const rows = await db.cancellationCase.findMany({
    where: { subscriptionId, userId: actor.id },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: caseSelect,
  });
  return rows.map(toCaseDto);
}

/** How many of the user's cases stand at each state (for filter chips and the dashboard). */
export async function countCasesByState(actor: Actor): Promise<Partial<Record<CaseState, number>>> {
  const groups = await db.cancellationCase.groupBy({
    by: ["state"],
    where: { userId: actor.id },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [fromColumn(CASE_STATES, g.state), g._count._all]));
}

export type CaseOverview = {
  /** In the workflow's order. */
  openByState: { state: CaseState; count: number }[];
  /** The first DASHBOARD_ROWS of the follow-ups due, most overdue first. */
  followUps: (CaseDto & { subscription: { provider: string } })[];
  /** How many follow-ups are due in all. */
  followUpsDue: number;
};

/** The dashboard's view of the cases: open ones by state, follow-ups due by today. */
export async function caseOverview(actor: Actor, today: string): Promise<CaseOverview> {
  const due = { userId: actor.id, ...followUpDueWhere(today) };
  // The counts by state and of the follow-ups due are one grouped raw query
  // (one statement instead of two compiled calls, BENCHMARKS.md lever 23).
  const [groups, followUps] = await Promise.all([
    db.$queryRaw<{ state: string; count: bigint; due: bigint }[]>`
      SELECT "state", COUNT(*) AS "count",
        SUM(CASE WHEN "nextFollowUpOn" <= ${today} THEN 1 ELSE 0 END) AS "due"
      FROM "CancellationCase" WHERE "userId" = ${actor.id} GROUP BY "state"`,
    db.cancellationCase.findMany({
      where: due,
      orderBy: [{ nextFollowUpOn: "asc" }, { id: "asc" }],
      take: DASHBOARD_ROWS,
      select: { ...caseSelect, subscription: { select: { provider: true } } },
    }),
  ]);
  const open = groups
    .map((group) => ({ ...group, state: fromColumn(CASE_STATES, group.state) }))
    .filter(({ state }) => !isClosed(state))
    .sort((a, b) => CASE_STATES.indexOf(a.state) - CASE_STATES.indexOf(b.state)); // workflow order
  return {
    openByState: open.map(({ state, count }) => ({ state, count: Number(count) })),
    followUps: followUps.map(({ subscription, ...kase }) => ({ ...toCaseDto(kase), subscription })),
    followUpsDue: open.reduce((sum, group) => sum + Number(group.due), 0),
  };
}
