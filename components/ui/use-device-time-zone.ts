"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** The browser's IANA time zone; null during server rendering. */
export function useDeviceTimeZone(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
