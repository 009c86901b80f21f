"use client";

import { useEffect, useRef, type ReactNode, type Ref } from "react";

/**
 * Shows `element` and puts focus on it: scrolled to the middle of the screen,
 * clear of the phone's sticky header, so a result that appears far above the
 * button that was pressed (a long form on a phone) is seen, and read out.
 */
export function bringIntoView(element: HTMLElement | null | undefined): void {
  if (!element) return;
  element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: true });
}

/**
 * A live region that is in the page before anything is said in it: screen
 * readers announce a change of a region they already know, and miss a
 * region that arrives together with its text. Errors are an alert (read at
 * once), the rest a status. Empty, it takes no room; it can take focus
 * (tabIndex -1) so a result can be brought to the user's attention.
 */
export function LiveRegion({
  tone,
  children,
  testId,
  ref,
  className,
}: {
  tone: "error" | "success" | "info";
  children?: ReactNode;
  testId?: string;
  ref?: Ref<HTMLDivElement>;
  /** Its look when it says something, instead of the alert box. */
  className?: string;
}) {
  const filled =
    children !== null && children !== undefined && children !== false && children !== "";
  return (
    <div
      ref={ref}
      role={tone === "error" ? "alert" : "status"}
      tabIndex={-1}
      data-testid={testId}
      className={filled ? (className ?? `alert alert-${tone}`) : "sr-only"}
    >
      {filled ? children : null}
    </div>
  );
}

/**
 * The error of a button's action (useActionCall), in a region that is always
 * there, brought into view and focused each time a new error appears.
 */
export function ActionError({
  message,
  className,
  testId,
}: {
  message: string | null;
  className?: string;
  /** Given to the region only while it says something (an empty region is in the page too). */
  testId?: string;
}) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) bringIntoView(region.current);
  }, [message]);
  return (
    <LiveRegion
      tone="error"
      ref={region}
      className={className}
      testId={message ? testId : undefined}
    >
      {message}
    </LiveRegion>
  );
}
