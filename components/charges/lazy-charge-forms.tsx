"use client";

import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import type { DisputeStepForm, FileDisputeForm } from "./dispute-forms";
import type { ExpectedFinalBillForm } from "./expected-final-bill-form";
import type { ReopenForChargeButton } from "./reopen-for-charge-button";
import type { StatementDateForm } from "./statement-date-form";

// The charge forms show only on a case with charges to watch (after its
// confirmation) or a flagged charge, the dispute forms only under a flagged
// charge: most case pages and dashboards never load their code.

export const LazyExpectedFinalBillForm = lazyWithLoading<
  Parameters<typeof ExpectedFinalBillForm>[0]
>(() => import("./expected-final-bill-form").then((m) => m.ExpectedFinalBillForm));

export const LazyReopenForChargeButton = lazyWithLoading<
  Parameters<typeof ReopenForChargeButton>[0]
>(() => import("./reopen-for-charge-button").then((m) => m.ReopenForChargeButton));

export const LazyStatementDateForm = lazyWithLoading<Parameters<typeof StatementDateForm>[0]>(() =>
  import("./statement-date-form").then((m) => m.StatementDateForm),
);

export const LazyFileDisputeForm = lazyWithLoading<Parameters<typeof FileDisputeForm>[0]>(() =>
  import("./dispute-forms").then((m) => m.FileDisputeForm),
);

export const LazyDisputeStepForm = lazyWithLoading<Parameters<typeof DisputeStepForm>[0]>(() =>
  import("./dispute-forms").then((m) => m.DisputeStepForm),
);
