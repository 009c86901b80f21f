type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function isWriteMethod(method: string | undefined): boolean;
export function baseOrigin(env?: Record<string, string | undefined>): string | null;
export function allowedOrigins(
  headers: HeaderSource,
  options: { trustProxy: boolean; base: string | null },
): string[];
export function writeOriginRefusal(input: {
  method: string | undefined;
  headers: HeaderSource;
  cookieAuthenticated: boolean;
  trustProxy: boolean;
  base: string | null;
}): "origin_missing" | "origin_foreign" | null;
