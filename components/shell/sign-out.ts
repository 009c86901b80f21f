// Signing out from the browser, with the code for it (next-auth's CSRF
// round trip, the drafts' cleanup) fetched only when it is used: it is not
// part of any page's first-load JavaScript (BENCHMARKS.md). Rejects when
// offline, or when the code cannot be fetched: the user is still signed in.

/** Starts fetching the code, so a click finds it there (pointer or focus on the button). */
export const preloadSignOut = () =>
  Promise.all([import("@/lib/auth/browser-client"), import("@/components/notes/note-draft")]);

/**
 * Ends this browser's session and goes to `to`. With `clearDrafts`, unsaved
 * note drafts go too (a shared computer keeps nobody's notes), once the
 * session has ended: a sign-out that failed offline keeps them.
 */
export async function signOut(to: string, { clearDrafts = false } = {}): Promise<void> {
  const [auth, drafts] = await preloadSignOut();
  await auth.signOutTo(to); // ends the session, then starts loading `to`
  if (clearDrafts) drafts.clearAllDrafts();
}
