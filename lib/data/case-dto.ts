import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CASE_STATES,
  REJECTION_REASONS,
  type CaseState,
  type RejectionReason,
} from "@/lib/domain/case-workflow";
import { CASE_METHODS, CASE_REASONS, type CaseMethod, type CaseReason } from "@/lib/domain/cases";
import { fromColumn, fromNullableColumn } from "./columns";

// A case and its history as every read returns them: the DTOs, the selects
// that fetch exactly their fields, and the mappers that narrow the rows.
// Writing a case is ./cases.ts's; reading one, ./case-record.ts's; lists of
// cases, ./case-lists.ts's.

export type CaseDto = {
  id: string;
  subscriptionId: string;
  reason: CaseReason;
  method: CaseMethod | null;
  state: CaseState;
  version: number;
  confirmationNumber: string | null;
  nextFollowUpOn: string | null;
  /** A final bill (cents) expected after the confirmation: a charge of it is not flagged. */
  expectedFinalBill: number | null;
  /** The day the case was opened, as the user says (their zone); openedAt is when it was recorded. */
  openedOn: string;
  openedAt: Date;
  closedAt: Date | null;
};

export type CaseEventDto = {
  from: CaseState | null;
  to: CaseState;
  /** When it was recorded. */
  at: Date;
  /** The day it happened, as the user says (their zone). */
  occurredOn: string;
  skipped: boolean;
  comment: string | null;
  rejectionReason: RejectionReason | null;
};

export const caseSelect = {
  id: true,
  subscriptionId: true,
  reason: true,
  method: true,
  state: true,
  version: true,
  confirmationNumber: true,
  nextFollowUpOn: true,
  expectedFinalBill: true,
  openedOn: true,
  openedAt: true,
  closedAt: true,
} as const satisfies Record<keyof CaseDto, true>;

export const eventSelect = {
  from: true,
  to: true,
  at: true,
  occurredOn: true,
  skipped: true,
  comment: true,
  rejectionReason: true,
} as const satisfies Record<keyof CaseEventDto, true>;

type CaseRow = Prisma.CancellationCaseGetPayload<{ select: typeof caseSelect }>;
type CaseEventRow = Prisma.CaseEventGetPayload<{ select: typeof eventSelect }>;

// The selects above satisfy the DTOs' keys exactly, so a spread row has
// every field and no other; the vocabulary columns are narrowed.
export function toCaseDto(row: CaseRow): CaseDto {
  return {
    ...row,
    reason: fromColumn(CASE_REASONS, row.reason),
    method: fromNullableColumn(CASE_METHODS, row.method),
    state: fromColumn(CASE_STATES, row.state),
  };
}

export function toCaseEventDto(row: CaseEventRow): CaseEventDto {
  return {
    ...row,
    from: fromNullableColumn(CASE_STATES, row.from),
    to: fromColumn(CASE_STATES, row.to),
    rejectionReason: fromNullableColumn(REJECTION_REASONS, row.rejectionReason),
  };
}
