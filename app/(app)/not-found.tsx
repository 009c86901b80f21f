import { NotFoundView } from "@/components/errors/not-found-view";

/** A page's notFound() (a case that isn't there, or isn't yours), inside the shell. */
export default function NotFound() {
  return <NotFoundView signedIn />;
}
