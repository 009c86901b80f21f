/** The CancelCase mark: a folder (the case) with a check (the confirmation). */
export function LogoMark({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-indigo-600 dark:fill-indigo-500" />
      <path
        d="M7 11.5A2.5 2.5 0 0 1 9.5 9h4l2 2.5h7A2.5 2.5 0 0 1 25 14v8.5a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 7 22.5z"
        fill="#fff"
        opacity="0.95"
      />
      <path
        d="m11.5 18.2 3 3 6-6.2"
        fill="none"
        stroke="#4f46e5"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo({ name }: { name: string }) {
  return (
    <span className="flex items-center gap-2.5">
      <LogoMark />
      <span className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
        {name}
      </span>
    </span>
  );
}
