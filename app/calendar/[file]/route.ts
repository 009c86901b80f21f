import { getTranslations } from "next-intl/server";
import { baseUrl } from "@/lib/config";
import { feedEntries, findFeedOwner } from "@/lib/data/calendar-feed";
import { todayIn } from "@/lib/domain/dates";
import { feedCalendar } from "@/lib/documents/calendar";

// GET /calendar/<token>.ics: a calendar app's subscription, authorised by
// its token alone (calendar apps send no cookies). A wrong, replaced or
// revoked token is a plain 404, the same as an address that never existed.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  const owner = file.endsWith(".ics") ? await findFeedOwner(file.slice(0, -4)) : null;
  if (!owner)
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  const [entries, t] = await Promise.all([
    feedEntries(owner, todayIn(owner.timeZone)),
    getTranslations({ locale: owner.locale }),
  ]);
  const body = feedCalendar(entries, {
    t,
    baseUrl: baseUrl(),
    timeZone: owner.timeZone,
    name: owner.name,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="cancelcase.ics"',
      // The address is the secret: nothing on the way keeps a copy.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
