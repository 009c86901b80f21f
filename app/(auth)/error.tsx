"use client";

import { ErrorView } from "@/components/errors/error-view";

/**
 * An unexpected error in a signed-out page (sign-in, sign-up, password
 * reset), shown inside its layout. Kept here, not at the root, so the
 * signed-in pages do not load it as well as their own (BENCHMARKS.md);
 * what fails above both layouts gets app/global-error.tsx.
 */
export default function SignedOutError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorView {...props} backHref="/" />;
}
