// The time zones a person picks from: by their names in the person's
// language ("Pacific Time (Los Angeles)", "北美太平洋时间（Los Angeles）"),
// with the zones most users here live in first, then every other zone by
// its offset from GMT.

/** The common US zones, then China's (many users are Chinese speakers in the US). */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Taipei",
] as const;

export type TimeZoneOption = { value: string; label: string; offsetMinutes: number };

function part(zone: string, locale: string, style: "longGeneric" | "longOffset", at: Date) {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? ""
  );
}

function offsetMinutes(longOffset: string): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(longOffset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** One zone as a person reads it: its name, its city, its offset now. */
export function timeZoneOption(zone: string, locale: string, at = new Date()): TimeZoneOption {
  const offset = part(zone, "en", "longOffset", at);
  const generic = part(zone, locale, "longGeneric", at);
  const city = zone.split("/").pop()!.replaceAll("_", " ");
  const gmt = offset === "GMT" ? "GMT+00:00" : offset;
  const open = locale.startsWith("zh") ? "（" : " (";
  const close = locale.startsWith("zh") ? "）" : ")";
  const label =
    generic && !generic.startsWith("GMT") && zone.includes("/")
      ? `${generic}${open}${city}${close} · ${gmt}`
      : `${zone.replaceAll("_", " ")} · ${gmt}`;
  return { value: zone, label, offsetMinutes: offsetMinutes(gmt) };
}

const cache = new Map<string, { common: TimeZoneOption[]; other: TimeZoneOption[] }>();

/**
 * The common zones and every other one (by offset, then name), labelled in
 * `locale`. Offsets are today's (daylight time included); kept per locale
 * and day.
 */
export function timeZoneOptions(
  locale: string,
  zones: readonly string[],
  at = new Date(),
): { common: TimeZoneOption[]; other: TimeZoneOption[] } {
  const key = `${locale}|${at.toISOString().slice(0, 10)}|${zones.length}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const common = COMMON_TIME_ZONES.filter((zone) => zones.includes(zone)).map((zone) =>
    timeZoneOption(zone, locale, at),
  );
  const commonSet = new Set<string>(COMMON_TIME_ZONES);
  const other = zones
    .filter((zone) => !commonSet.has(zone))
    .map((zone) => timeZoneOption(zone, locale, at))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label, locale));
  const result = { common, other };
  if (cache.size > 8) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * What the settings page offers: every zone the runtime knows, labelled in
 * `locale`, and the person's own zone too when the runtime does not list it
 * (an older name for a zone, kept on the account), so the form still shows it.
 */
export function timeZoneChoices(
  locale: string,
  current: string,
  at = new Date(),
): { common: TimeZoneOption[]; other: TimeZoneOption[] } {
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(current)) zones.unshift(current);
  return timeZoneOptions(locale, zones, at);
}

/** How `zone` reads among the choices; its own name when it is not one of them. */
export function timeZoneLabel(
  choices: { common: TimeZoneOption[]; other: TimeZoneOption[] },
  zone: string,
): string {
  return [...choices.common, ...choices.other].find((z) => z.value === zone)?.label ?? zone;
}
