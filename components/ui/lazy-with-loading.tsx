"use client";

import {
  Component as ReactComponent,
  lazy,
  Suspense,
  type ComponentType,
  type ReactNode,
} from "react";
import { Alert } from "@/components/ui/alert";
import { useTranslations } from "@/lib/i18n/client";

function Loading() {
  const t = useTranslations("common");
  return (
    <p role="status" className="py-6 text-center text-sm text-slate-500">
      {t("loading")}
    </p>
  );
}

/** If the component's code cannot be fetched (offline, or the app was rebuilt since the page loaded). */
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

/**
 * A component whose code is fetched only when it is first shown, so it is
 * not part of its page's first-load JavaScript unless the page shows it
 * (BENCHMARKS.md). Rendered on the server like any other: the page's HTML
 * has it, and it comes alive once its code arrives. "Loading…" while it
 * comes; a clear error if it cannot.
 */
export function lazyWithLoading<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((Component) => ({ default: Component })));
  return function LazyComponent(props: P) {
    const t = useTranslations("common");
    return (
      <LoadFailed message={t("loadFailed")}>
        <Suspense fallback={<Loading />}>
          <Lazy {...props} />
        </Suspense>
      </LoadFailed>
    );
  };
}
