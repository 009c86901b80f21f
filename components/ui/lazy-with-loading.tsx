"use client";

import {
  Component as ReactComponent,
  lazy,
  Suspense,
  useState,
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
  { message: string; retry: string; onRetry: () => void; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? (
      <Alert tone="error">
        <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <span>{this.props.message}</span>
          <button
            type="button"
            onClick={this.props.onRetry}
            className="font-semibold underline underline-offset-2 hover:no-underline"
          >
            {this.props.retry}
          </button>
        </span>
      </Alert>
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
 * comes; a clear error if it cannot, with "Retry" (the network back, its
 * code is fetched again: nothing else on the page reloads or is lost).
 */
export function lazyWithLoading<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const make = () => lazy(() => load().then((Component) => ({ default: Component })));
  // React.lazy keeps a failed load for good: a retry needs a new one.
  const current = { Lazy: make() };
  return function LazyComponent(props: P) {
    const t = useTranslations("common");
    const [attempt, setAttempt] = useState(0);
    const { Lazy } = current;
    const retry = () => {
      // Only the load that failed is replaced: another copy of this component
      // already showing (a loaded one never fails) keeps its state.
      if (current.Lazy === Lazy) current.Lazy = make();
      setAttempt((n) => n + 1);
    };
    return (
      <LoadFailed key={attempt} message={t("loadFailed")} retry={t("retry")} onRetry={retry}>
        <Suspense fallback={<Loading />}>
          <Lazy {...props} />
        </Suspense>
      </LoadFailed>
    );
  };
}
