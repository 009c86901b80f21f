// The one chunk lazy-settings-forms.tsx loads: every Settings form that
// appears only after a click, fetched together on the first such click.
export { AddChannelForm } from "./channel-add-form";
export { AddPasskeyForm } from "./passkey-add-form";
export { TwoFactorEnrolment } from "./two-factor-enrolment";
export { RecoveryCodes } from "./two-factor-recovery-codes";
