import { ACCOUNT_OPERATIONS } from "./account-operations";
import { CASE_OPERATIONS } from "./case-operations";
import { CHANNEL_OPERATIONS } from "./channel-operations";
import { CORRECTION_OPERATIONS } from "./correction-operations";
import { DISPUTE_OPERATIONS } from "./dispute-operations";
import { LETTER_OPERATIONS } from "./letter-operations";
import type { Operation } from "./operation";
import { PASSKEY_OPERATIONS } from "./passkey-operations";
import { PLAYBOOK_OPERATIONS } from "./playbook-operations";
import { RECORD_OPERATIONS } from "./record-operations";
import { REMINDER_RULE_OPERATIONS } from "./reminder-rule-operations";
import { SECURITY_EVENT_OPERATIONS } from "./security-event-operations";
import { STATEMENT_ACCOUNT_OPERATIONS } from "./statement-account-operations";
import { TWO_FACTOR_OPERATIONS } from "./two-factor-operations";

export type { Method, Operation } from "./operation";

// The registry of every /api/v1 operation: the one place the document is
// written from. Bodies and queries are the very schemas the handlers parse
// with, so a changed field changes the document; tests/unit/openapi.test.ts
// fails when a route on disk is missing here, or listed here but gone.

export const OPERATIONS: Operation[] = [
  ...ACCOUNT_OPERATIONS,
  ...CASE_OPERATIONS,
  ...RECORD_OPERATIONS,
  ...STATEMENT_ACCOUNT_OPERATIONS,
  ...PLAYBOOK_OPERATIONS,
  ...CORRECTION_OPERATIONS,
  ...DISPUTE_OPERATIONS,
  ...LETTER_OPERATIONS,
  ...SECURITY_EVENT_OPERATIONS,
  ...TWO_FACTOR_OPERATIONS,
  ...PASSKEY_OPERATIONS,
  ...CHANNEL_OPERATIONS,
  ...REMINDER_RULE_OPERATIONS,
];
