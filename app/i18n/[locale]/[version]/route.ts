import { isLocale } from "@/lib/domain/locales";
import { clientCatalog } from "@/lib/i18n/client-catalog";

// GET /i18n/<locale>/<version>: the client components' messages of one
// locale (lib/i18n/catalog-registry.ts). The version is a hash of the
// content, so the current one is cached for a year; a page from before a
// new build asking for an older version gets today's words, not cached.
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; version: string }> },
): Promise<Response> {
  const { locale, version } = await params;
  if (!isLocale(locale)) {
    return Response.json(
      { error: { code: "not_found", message: "No such language." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  const catalog = await clientCatalog(locale);
  return new Response(JSON.stringify(catalog.messages), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control":
        version === catalog.version ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
