"use client";

import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import type { AddChannelForm } from "./channel-add-form";
import type { AddPasskeyForm } from "./passkey-add-form";
import type { TwoFactorEnrolment } from "./two-factor-enrolment";
import type { RecoveryCodes } from "./two-factor-recovery-codes";

// Settings' forms that appear only after a click (add a channel, add a
// passkey, turn two-factor on, and the recovery codes after it) come as one
// chunk of their own, so they are not part of Settings' first-load
// JavaScript (issue 37: ≤ 150 kB). The buttons that open them start loading
// it as soon as the user points at, touches or focuses them.
const load = () => import("./settings-forms");

export const preloadSettingsForms = {
  onPointerEnter: load,
  onFocus: load,
  onTouchStart: load,
} as const;

export const LazyAddChannelForm = lazyWithLoading<Parameters<typeof AddChannelForm>[0]>(() =>
  load().then((m) => m.AddChannelForm),
);
export const LazyAddPasskeyForm = lazyWithLoading<Parameters<typeof AddPasskeyForm>[0]>(() =>
  load().then((m) => m.AddPasskeyForm),
);
export const LazyTwoFactorEnrolment = lazyWithLoading<Parameters<typeof TwoFactorEnrolment>[0]>(
  () => load().then((m) => m.TwoFactorEnrolment),
);
export const LazyRecoveryCodes = lazyWithLoading<Parameters<typeof RecoveryCodes>[0]>(() =>
  load().then((m) => m.RecoveryCodes),
);
