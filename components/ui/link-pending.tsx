"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a link: while the page it opens is on its way, a bar across the top
 * of the window. It shows only after a moment (the CSS delay), so a quick
 * navigation does not flash it.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span
      aria-hidden="true"
      data-testid="navigation-progress"
      className="navigation-progress pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 bg-indigo-600 dark:bg-indigo-400"
    />
  ) : null;
}
