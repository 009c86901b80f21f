"use client";

import { ErrorView } from "@/components/errors/error-view";

/** An unexpected error in a signed-in page: shown inside the shell, in the user's language. */
export default function SignedInError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorView {...props} backHref="/dashboard" />;
}
