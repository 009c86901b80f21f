import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching by default. Every page here is rendered per
 * request for the signed-in user, so a prefetch is a server render of its
 * own, and Next.js prefetches every link that scrolls into view: a list page
 * of 50 rows caused about 30 extra server requests per view (measured by
 * `npm run bench`), for data a click fetches anyway. Pass `prefetch` where a
 * link is worth it.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
