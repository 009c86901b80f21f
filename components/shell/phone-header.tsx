"use client";

import { usePathname } from "next/navigation";
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from "react";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The phone's header with its menu button, and the menu the button opens: a
 * modal dialog over the whole screen, with its own copy of the header row so
 * that its close button is inside it. While it is open, focus is in it, Tab
 * goes round inside it, and the page behind is inert (no focus, no clicks,
 * hidden from screen readers); Escape, the close button, following a link
 * and any navigation close it, and focus returns to the menu button. What it
 * shows (the logo, the menu and the account) is rendered by the server shell
 * and passed in; this leaf only holds whether it is open.
 */
export function PhoneHeader({
  home,
  openLabel,
  closeLabel,
  menuLabel,
  children,
}: {
  home: ReactNode;
  openLabel: string;
  closeLabel: string;
  menuLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  const menuButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Focus goes back to the menu button when the user closes the menu, not when a link navigates away.
  const returnFocus = useRef(false);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    const panel = dialog.current;
    if (!open || !panel) {
      if (returnFocus.current) menuButton.current?.focus();
      returnFocus.current = false;
      return;
    }
    // Everything beside the dialog (the header, the sidebar, the page) is inert while it is open.
    const others = [...(panel.parentElement?.children ?? [])].filter(
      (element): element is HTMLElement => element !== panel && element instanceof HTMLElement,
    );
    for (const element of others) element.inert = true;
    panel.querySelector<HTMLElement>("nav " + "a[href]")?.focus();
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      returnFocus.current = true;
      setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      for (const element of others) element.inert = false;
    };
  }, [open]);

  // Tab from the last control goes to the first, Shift+Tab from the first to the last.
  const trapTab = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Tab") return;
    const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.getClientRects().length > 0,
    );
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  const closeOnLink = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest("a")) setOpen(false);
  };

  const bar =
    "flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800";
  const toggle =
    "rounded-lg p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

  return (
    <>
      <header
        className={`sticky top-0 z-30 print:hidden bg-white/90 backdrop-blur lg:hidden dark:bg-slate-900/90 ${bar}`}
      >
        {home}
        <button
          ref={menuButton}
          type="button"
          aria-expanded={open}
          aria-controls="mobile-menu"
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
          className={toggle}
        >
          <MenuIcon className="size-6" />
          <span className="sr-only">{openLabel}</span>
        </button>
      </header>
      {open ? (
        <div
          ref={dialog}
          id="mobile-menu"
          role="dialog"
          aria-modal="true"
          aria-label={menuLabel}
          onKeyDown={trapTab}
          onClick={closeOnLink}
          className="fixed inset-0 z-40 flex flex-col bg-white lg:hidden dark:bg-slate-900"
        >
          <div className={bar}>
            {home}
            <button
              type="button"
              onClick={() => {
                returnFocus.current = true;
                setOpen(false);
              }}
              className={toggle}
            >
              <CloseIcon className="size-6" />
              <span className="sr-only">{closeLabel}</span>
            </button>
          </div>
          <div className="flex-1 overflow-y-auto p-4">{children}</div>
        </div>
      ) : null}
    </>
  );
}
