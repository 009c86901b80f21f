// The messages the browser gets. Client components only show plain strings
// with `{name}` placeholders, so the browser needs no ICU MessageFormat
// runtime (next-intl's client side is 14 kB gzipped on every page, measured
// by `npm run bench`). Messages with plural/select/number arguments stay on
// the server, where next-intl formats them; a component that needs one gets
// the formatted string as a prop.

export type Messages = { [key: string]: string | Messages };
export type MessageValues = Record<string, string | number>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** True when the message's only ICU syntax is `{name}` placeholders. */
export function isSimpleMessage(message: string): boolean {
  return !/[{}]/.test(message.replace(PLACEHOLDER, ""));
}

/** The catalog with only its simple messages (namespaces kept, empty ones dropped). */
export function simpleMessages(messages: Messages): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") {
      if (isSimpleMessage(value)) out[key] = value;
    } else {
      const nested = simpleMessages(value);
      if (Object.keys(nested).length > 0) out[key] = nested;
    }
  }
  return out;
}

// One filtered catalog per loaded catalog (per locale), made once per process.
const clientCatalogs = new WeakMap<Messages, Messages>();

/** Namespaces only the server writes with (the dispute pack's PDF): never sent to the browser. */
const SERVER_ONLY_NAMESPACES = new Set(["pack"]);

/** simpleMessages(messages), remembered: what the root layout hands to the browser. */
export function clientMessages(messages: Messages): Messages {
  let filtered = clientCatalogs.get(messages);
  if (!filtered) {
    filtered = simpleMessages(
      Object.fromEntries(
        Object.entries(messages).filter(([namespace]) => !SERVER_ONLY_NAMESPACES.has(namespace)),
      ),
    );
    clientCatalogs.set(messages, filtered);
  }
  return filtered;
}

/** The message at a dotted path, or undefined. */
export function lookupMessage(messages: Messages, path: string): string | undefined {
  let node: string | Messages = messages;
  for (const part of path.split(".")) {
    if (typeof node === "string" || !Object.hasOwn(node, part)) return undefined;
    node = node[part]!;
  }
  return typeof node === "string" ? node : undefined;
}

/** `{name}` placeholders filled in; a placeholder without a value stays visible. */
export function formatSimpleMessage(message: string, values?: MessageValues): string {
  if (!values) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
