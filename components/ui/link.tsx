import NextLink from "next/link";
import type { ComponentProps } from "react";
import { LinkPending } from "./link-pending";

/**
 * next/link without prefetching by default. Every page here is rendered per
 * request for the signed-in user, so a prefetch is a server render of its
 * own, and Next.js prefetches every link that scrolls into view: a list page
 * of 50 rows caused about 30 extra server requests per view (measured by
 * `npm run bench`), for data a click fetches anyway. Pass `prefetch` where a
 * link is worth it. Without prefetching a click waits for the server, so
 * the link shows progress while it does (LinkPending).
 */
export function Link({ prefetch = false, children, ...props }: ComponentProps<typeof NextLink>) {
  return (
    <NextLink prefetch={prefetch} {...props}>
      {children}
      <LinkPending />
    </NextLink>
  );
}
