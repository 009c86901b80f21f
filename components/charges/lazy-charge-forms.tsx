"use client";

import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import type { ExpectedFinalBillForm } from "./expected-final-bill-form";
import type { ReopenForChargeButton } from "./reopen-for-charge-button";
import type { StatementDateForm } from "./statement-date-form";

// The charge forms show only on a case with charges to watch (after its
// confirmation) or a flagged charge: most case pages never load their code.

export const LazyExpectedFinalBillForm = lazyWithLoading<
  Parameters<typeof ExpectedFinalBillForm>[0]
>(() => import("./expected-final-bill-form").then((m) => m.ExpectedFinalBillForm));

export const LazyReopenForChargeButton = lazyWithLoading<
  Parameters<typeof ReopenForChargeButton>[0]
>(() => import("./reopen-for-charge-button").then((m) => m.ReopenForChargeButton));

export const LazyStatementDateForm = lazyWithLoading<Parameters<typeof StatementDateForm>[0]>(() =>
  import("./statement-date-form").then((m) => m.StatementDateForm),
);
