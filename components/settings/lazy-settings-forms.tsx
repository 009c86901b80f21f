"use client";

import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import type { AddChannelForm } from "./channel-add-form";
import type { AddPasskeyForm } from "./passkey-add-form";
import type { CreateTokenForm } from "./create-token-form";
import type { DeleteAccountForm } from "./delete-account-form";
import type { EmailChangeForm } from "./email-change-form";
import type { PasswordForm } from "./password-form";
import type { SsoUnlinkForm } from "./sso-unlink-form";
import type { TwoFactorEnrolment } from "./two-factor-enrolment";
import type { TwoFactorOn } from "./two-factor-on";
import type { RecoveryCodes } from "./two-factor-recovery-codes";

// Settings' forms that appear only after a click (add a channel, add a
// passkey, turn two-factor on, and the recovery codes after it; create an
// API token, change the password or the email address, delete the account:
// on-demand-form.tsx) come as one
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
// Rendered at once, but only for accounts with two-factor on.
export const LazyTwoFactorOn = lazyWithLoading<Parameters<typeof TwoFactorOn>[0]>(() =>
  load().then((m) => m.TwoFactorOn),
);
export const LazyRecoveryCodes = lazyWithLoading<Parameters<typeof RecoveryCodes>[0]>(() =>
  load().then((m) => m.RecoveryCodes),
);
export const LazyCreateTokenForm = lazyWithLoading<Parameters<typeof CreateTokenForm>[0]>(() =>
  load().then((m) => m.CreateTokenForm),
);
export const LazyDeleteAccountForm = lazyWithLoading<Parameters<typeof DeleteAccountForm>[0]>(() =>
  load().then((m) => m.DeleteAccountForm),
);
export const LazyPasswordForm = lazyWithLoading<Parameters<typeof PasswordForm>[0]>(() =>
  load().then((m) => m.PasswordForm),
);
export const LazyEmailChangeForm = lazyWithLoading<Parameters<typeof EmailChangeForm>[0]>(() =>
  load().then((m) => m.EmailChangeForm),
);

// Only an account with a linked sign-in provider shows it (most servers have
// none configured): fetched on its own when it is rendered.
export const LazySsoUnlinkForm = lazyWithLoading<Parameters<typeof SsoUnlinkForm>[0]>(() =>
  import("./sso-unlink-form").then((m) => m.SsoUnlinkForm),
);
