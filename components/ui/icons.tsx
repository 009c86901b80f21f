// Small outline icons (24px grid, currentColor) so the UI needs no icon font.
type IconProps = { className?: string };

function Icon({ d, className = "size-5" }: IconProps & { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

export const HomeIcon = (p: IconProps) => (
  <Icon {...p} d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" />
);
export const ListIcon = (p: IconProps) => (
  <Icon {...p} d="M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01" />
);
export const FolderCheckIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zm6 6 2 2 4-4"
  />
);
export const SettingsIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2-1.2L14.5 3h-5l-.4 2.6a7.5 7.5 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2 1.2l.4 2.6h5l.4-2.6a7.5 7.5 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z"
  />
);
export const BellIcon = (p: IconProps) => (
  <Icon {...p} d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
);
export const MenuIcon = (p: IconProps) => <Icon {...p} d="M4 6h16M4 12h16M4 18h16" />;
export const CloseIcon = (p: IconProps) => <Icon {...p} d="M6 6l12 12M18 6 6 18" />;
export const LogOutIcon = (p: IconProps) => (
  <Icon {...p} d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11" />
);
export const GlobeIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3.6 9h16.8M3.6 15h16.8M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"
  />
);
export const CheckIcon = (p: IconProps) => <Icon {...p} d="m5 12.5 4.5 4.5L19 7.5" />;
export const PhoneIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z"
  />
);
export const ReceiptIcon = (p: IconProps) => (
  <Icon {...p} d="M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6" />
);
/** A card statement: a card with a line being read off it. */
export const StatementIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M3 6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM3 9h18M7 14h4M7 17h7"
  />
);
/** An open book: the provider playbooks. */
export const BookIcon = (p: IconProps) => (
  <Icon
    {...p}
    d="M12 6.5C10.5 5 8 4.5 4 4.5v14c4 0 6.5.5 8 2 1.5-1.5 4-2 8-2v-14c-4 0-6.5.5-8 2zM12 6.5v14"
  />
);
