// The one chunk lazy-settings-forms.tsx loads: every Settings form that
// appears only after a click (fetched together on the first such click), and
// two-factor's "on" view, which only accounts with two-factor on show.
export { AddChannelForm } from "./channel-add-form";
export { AddPasskeyForm } from "./passkey-add-form";
export { CreateTokenForm } from "./create-token-form";
export { DeleteAccountForm } from "./delete-account-form";
export { EmailChangeForm } from "./email-change-form";
export { PasswordForm } from "./password-form";
export { TwoFactorEnrolment } from "./two-factor-enrolment";
export { TwoFactorOn } from "./two-factor-on";
export { RecoveryCodes } from "./two-factor-recovery-codes";
