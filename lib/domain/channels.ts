// Notification channels (decision 026): the kinds, the per-user cap, and how
// a stored target is shown. Pure rules; the senders are in lib/channels.

export const CHANNEL_KINDS = [
  "webhook",
  "ntfy",
  "gotify",
  "telegram",
  "discord",
  "slack",
  "apprise",
  "serverchan",
  "pushplus",
  "bark",
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** More channels than anyone reads; counted before each insert. */
export const CHANNELS_PER_USER = 10;
export const CHANNEL_NAME_MAX = 60;
/** lastError is a status, not a log: at most this many characters. */
export const CHANNEL_ERROR_MAX = 120;

/**
 * Kinds whose target is itself the credential (anyone holding a Discord or
 * Slack webhook URL, a ServerChan SendKey or a PushPlus token can post as
 * the user): the whole target is sealed and only a masked form is stored.
 */
export const TARGET_IS_SECRET: ReadonlySet<ChannelKind> = new Set([
  "discord",
  "slack",
  "serverchan",
  "pushplus",
]);

/** Kinds that call a URL the user typed (the others call a fixed service). */
export const TARGET_IS_URL: ReadonlySet<ChannelKind> = new Set([
  "webhook",
  "ntfy",
  "gotify",
  "discord",
  "slack",
  "apprise",
  "bark",
]);

export const SECRET_MASK = "••••••••";

/**
 * A credential-bearing target as it may be shown: a URL keeps everything
 * but its last path segment (the token), a key keeps its first four
 * characters (enough to tell two apart, too few to use).
 */
export function maskTarget(target: string): string {
  if (/^https?:\/\//.test(target)) {
    const cut = target.replace(/\/+$/, "").lastIndexOf("/");
    return `${target.slice(0, cut + 1)}${SECRET_MASK}`;
  }
  return `${Array.from(target).slice(0, 4).join("")}${SECRET_MASK}`;
}

/** An error text short enough for a status line. */
export function shortError(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= CHANNEL_ERROR_MAX ? flat : `${flat.slice(0, CHANNEL_ERROR_MAX - 1)}…`;
}

/** Whether a kind takes a separate secret (the form shows the field accordingly). */
export const SECRET_RULE: Record<ChannelKind, "required" | "optional" | "none"> = {
  webhook: "required",
  ntfy: "optional",
  gotify: "required",
  telegram: "required",
  discord: "none",
  slack: "none",
  apprise: "none",
  serverchan: "none",
  pushplus: "none",
  bark: "required",
};

export function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value);
}

/**
 * A stored lastError as a message key (under channels.errors) and its
 * values, so Settings can say it in the reader's language; the API keeps
 * the English text. The texts are the senders' own (lib/channels): a
 * status, a connection code, the guard's reason, a service's code.
 * Anything else: null, shown as it is.
 */
export function channelErrorKey(
  text: string,
): { key: string; values: Record<string, string> } | null {
  const rules: [RegExp, (m: RegExpExecArray) => string, string[]][] = [
    [/^answered (\d{3}), a redirect/, () => "redirect", ["status"]],
    [/^answered (\d{3})$/, () => "status", ["status"]],
    // The common codes in plain words (the code stays, for whoever debugs it).
    [/^could not connect \((ENOTFOUND|EAI_AGAIN)\)$/, () => "hostNotFound", ["code"]],
    [/^could not connect \((ECONNREFUSED)\)$/, () => "connectRefused", ["code"]],
    [/^could not connect \(([A-Z_0-9]{1,30})\)$/, () => "connectCode", ["code"]],
    [/^could not connect$/, () => "connect", []],
    [
      /^target_not_allowed: (url_invalid|scheme_not_allowed|address_not_allowed)$/,
      (m) => `refused_${m[1]}`,
      [],
    ],
    [/^(ServerChan|PushPlus) answered code (.{1,20})$/, () => "serviceCode", ["service", "code"]],
    [/^Telegram did not confirm$/, () => "notConfirmed", []],
    [/cannot be read$|^secret unreadable/, () => "secret", []],
    [/^no answer within (\d{1,3}) s$/, () => "timeout", ["seconds"]],
    [/^answer too large$/, () => "tooLarge", []],
    [/^send failed$/, () => "failed", []],
  ];
  for (const [pattern, key, names] of rules) {
    const match = pattern.exec(text);
    if (match) {
      return {
        key: key(match),
        values: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])),
      };
    }
  }
  return null;
}
