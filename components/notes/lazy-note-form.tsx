"use client";

import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import type { NewNoteForm, NoteForm } from "./note-form";

// The note form appears only after "Log a call" or "Edit", so it is not part
// of the case page's first-load JavaScript (BENCHMARKS.md). The buttons that
// open it start loading it as soon as the user points at or focuses them.
const load = () => import("./note-form");

export const preloadNoteFormProps = {
  onPointerEnter: load,
  onFocus: load,
  onTouchStart: load,
} as const;

export const LazyNoteForm = lazyWithLoading<Parameters<typeof NoteForm>[0]>(() =>
  load().then((m) => m.NoteForm),
);
export const LazyNewNoteForm = lazyWithLoading<Parameters<typeof NewNoteForm>[0]>(() =>
  load().then((m) => m.NewNoteForm),
);
