"use client";

import { ErrorView } from "@/components/errors/error-view";

/** An unexpected error outside the signed-in pages (sign-in, sign-up). */
export default function RootError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <ErrorView {...props} backHref="/" />
    </main>
  );
}
