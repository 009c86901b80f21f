"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, type MouseEvent, type ReactNode } from "react";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";

/**
 * The phone's header with its menu button, and the panel the button opens.
 * What they show (the logo, the menu and the account) is rendered by the
 * server shell and passed in; this leaf only holds whether the panel is
 * open. Escape, following a link and any navigation close it. The panel is a
 * sibling of the header, not inside it: the header's backdrop blur would
 * make it the containing block of the fixed panel.
 */
export function PhoneHeader({
  home,
  openLabel,
  closeLabel,
  children,
}: {
  home: ReactNode;
  openLabel: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const closeOnLink = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest("a")) setOpen(false);
  };

  return (
    <>
      <header className="sticky top-0 z-30 flex print:hidden items-center justify-between border-b border-slate-200 bg-white/90 px-4 py-3 backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-900/90">
        {home}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((value) => !value)}
          className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {open ? <CloseIcon className="size-6" /> : <MenuIcon className="size-6" />}
          <span className="sr-only">{open ? closeLabel : openLabel}</span>
        </button>
      </header>
      {open ? (
        <div
          id="mobile-menu"
          onClick={closeOnLink}
          className="fixed inset-x-0 top-[61px] bottom-0 z-20 overflow-y-auto bg-white p-4 lg:hidden dark:bg-slate-900"
        >
          {children}
        </div>
      ) : null}
    </>
  );
}
