import type { ButtonHTMLAttributes, MouseEvent, Ref } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/** A button's look: the .btn classes of app/globals.css, then any utilities of the caller's. */
export function buttonClasses(variant: Variant = "primary", extra = ""): string {
  return extra ? `btn btn-${variant} ${extra}` : `btn btn-${variant}`;
}

/**
 * What a button whose action is running takes instead of `disabled`: a
 * disabled button drops the focus to the page's body (a keyboard or
 * screen-reader user is then lost after every save); aria-disabled keeps it
 * on the button, and the click (a form's submit included) is ignored.
 */
export function pendingProps<E extends { preventDefault(): void }>(
  pending: boolean,
  onClick?: (event: E) => void,
) {
  return {
    "aria-disabled": pending || undefined,
    onClick: (event: E) => {
      if (pending) event.preventDefault();
      else onClick?.(event);
    },
  };
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  pending = false,
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      type={type}
      className={buttonClasses(variant, className)}
      {...props}
      aria-disabled={pending || props["aria-disabled"]}
      // No handler unless one is needed: a server component renders this button too.
      onClick={pending ? (event: MouseEvent) => event.preventDefault() : onClick}
    />
  );
}
