"use client";

import { useRouter } from "next/navigation";
import { useTransition, type MouseEvent, type ReactNode } from "react";

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
    anchor.origin !== window.location.origin
  );
}

/**
 * Client-side navigation for the plain `<a>` links inside it, from one click
 * handler. A list of rows made of `Link` renders two client components per
 * row (next/link and its progress bar) on the server; the subscriptions page
 * (50 rows) cost 8 % less server CPU with plain anchors (bench/ab.mjs, two
 * interleaved runs, B/A 0.918 and 0.914), the dashboard (about 30 links) no
 * difference the machine could show, so it keeps Link. This one component
 * keeps what Link gave the rows: no full page load, the progress bar while
 * the next page is on its way, no prefetch. A click with a modifier key, a
 * middle click or a link to elsewhere is left to the browser.
 */
export function SoftNav({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function onClick(event: MouseEvent<HTMLDivElement>) {
    const anchor = (event.target as Element).closest("a");
    if (!anchor || !event.currentTarget.contains(anchor) || leaveToBrowser(event, anchor)) return;
    event.preventDefault();
    startTransition(() => router.push(anchor.pathname + anchor.search + anchor.hash));
  }
  return (
    // The links inside take the keyboard; this only listens for their clicks
    // (Enter on a link is a click too).
    <div className={className} onClick={onClick}>
      {children}
      {pending ? (
        <span
          aria-hidden="true"
          data-testid="navigation-progress"
          className="navigation-progress pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 bg-indigo-600 dark:bg-indigo-400"
        />
      ) : null}
    </div>
  );
}
