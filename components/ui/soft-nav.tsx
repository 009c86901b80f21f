"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/** Whether a click on `anchor` is one the browser should handle itself. */
function leaveToBrowser(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (anchor.target !== "" && anchor.target !== "_self") ||
    anchor.hasAttribute("download") ||
    anchor.origin !== window.location.origin ||
    // A link to a place on this same page (the skip link): the browser scrolls.
    (anchor.hash !== "" &&
      anchor.pathname === window.location.pathname &&
      anchor.search === window.location.search)
  );
}

/**
 * Client-side navigation for every link marked `data-soft-nav` (what Link of
 * ./link.tsx renders, and the subscriptions table's rows), from one click
 * listener on the document, in place of a next/link per link. It keeps what
 * next/link gave: no full page load, the progress bar across the top while
 * the next page is on its way (shown after a moment by its CSS delay), no
 * prefetch. A click with a modifier key, a middle click, a link to elsewhere
 * or a download is left to the browser, and so is a click a handler nearer
 * the link has already taken (`defaultPrevented`). Links not marked (the
 * API's files, the calendar feed) load as documents.
 */
export function SoftNavigation() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const anchor = (event.target as Element | null)?.closest?.("a[data-soft-nav]");
      if (!(anchor instanceof HTMLAnchorElement) || leaveToBrowser(event, anchor)) return;
      event.preventDefault();
      startTransition(() => router.push(anchor.pathname + anchor.search + anchor.hash));
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return pending ? (
    <span
      aria-hidden="true"
      data-testid="navigation-progress"
      className="navigation-progress pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 bg-indigo-600 dark:bg-indigo-400"
    />
  ) : null;
}
