import { Link } from "@/components/ui/link";

/** A dashboard card's way to the whole list it shows a screenful of. */
export function SeeAllLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="mt-3 inline-block text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
    >
      {children}
    </Link>
  );
}
