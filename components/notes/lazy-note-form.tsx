"use client";

import {
  Component as ReactComponent,
  lazy,
  Suspense,
  type ComponentProps,
  type ComponentType,
  type ReactNode,
} from "react";
import { Alert } from "@/components/ui/alert";
import { useTranslations } from "@/lib/i18n/client";

// The note form appears only after "Log a call" or "Edit", so it is not part
// of the case page's first-load JavaScript (BENCHMARKS.md). The buttons that
// open it start loading it as soon as the user points at or focuses them.
const load = () => import("./note-form");

export const preloadNoteFormProps = {
  onPointerEnter: load,
  onFocus: load,
  onTouchStart: load,
} as const;

function Loading() {
  const t = useTranslations("common");
  return (
    <p role="status" className="py-6 text-center text-sm text-slate-500">
      {t("loading")}
    </p>
  );
}

/** If the form's code cannot be fetched (offline, or the app was rebuilt since the page loaded). */
class LoadFailed extends ReactComponent<
  { message: string; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? (
      <Alert tone="error">{this.props.message}</Alert>
    ) : (
      this.props.children
    );
  }
}

function lazyWithLoading<P extends object>(Component: ComponentType<P>) {
  return function LazyForm(props: P) {
    const t = useTranslations("common");
    return (
      <LoadFailed message={t("loadFailed")}>
        <Suspense fallback={<Loading />}>
          <Component {...props} />
        </Suspense>
      </LoadFailed>
    );
  };
}

const NoteForm = lazy(() => load().then((m) => ({ default: m.NoteForm })));
const NewNoteForm = lazy(() => load().then((m) => ({ default: m.NewNoteForm })));

export const LazyNoteForm = lazyWithLoading<ComponentProps<typeof NoteForm>>(NoteForm);
export const LazyNewNoteForm = lazyWithLoading<ComponentProps<typeof NewNoteForm>>(NewNoteForm);
