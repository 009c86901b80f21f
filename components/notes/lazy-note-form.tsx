"use client";

import { lazy, Suspense, type ComponentProps } from "react";
import { useTranslations } from "@/lib/i18n/client";

const load = () => import("./note-form");
const NoteForm = lazy(() => load().then((m) => ({ default: m.NoteForm })));

// The note form appears only after "Add a call note" or "Edit", so it is not
// part of the case page's first-load JavaScript (BENCHMARKS.md). The buttons
// that open it start loading it as soon as the user points at or focuses them.
export const preloadNoteFormProps = {
  onPointerEnter: load,
  onFocus: load,
  onTouchStart: load,
} as const;

export function LazyNoteForm(props: ComponentProps<typeof NoteForm>) {
  const t = useTranslations("common");
  return (
    <Suspense
      fallback={
        <p role="status" className="py-6 text-center text-sm text-slate-500">
          {t("loading")}
        </p>
      }
    >
      <NoteForm {...props} />
    </Suspense>
  );
}
