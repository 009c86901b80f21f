import { Link } from "@/components/ui/link";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <nav className="mb-4 text-sm print:hidden">
      <Link
        href={href}
        className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
      >
        ← {label}
      </Link>
    </nav>
  );
}
