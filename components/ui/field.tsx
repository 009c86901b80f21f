"use client";

import {
  useState,
  type InputHTMLAttributes,
  type Ref,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslations } from "@/lib/i18n/client";

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
};

// The look of labels, controls, hints and errors: .field-* in app/globals.css
// (a control with aria-invalid gets the red border there).

function describedBy(id: string, hint: ReactNode, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * What a text field adds to the plain control: its server errors, hidden
 * once the user changes the value (they are about the old one), and a
 * character count near `maxLength` instead of the browser's silent cut.
 */
function useTextControl(
  errors: string[] | undefined,
  maxLength: number | undefined,
  initial: unknown,
) {
  const t = useTranslations("fields");
  const [editedAfter, setEditedAfter] = useState<string[] | undefined>(undefined);
  const [length, setLength] = useState(typeof initial === "string" ? initial.length : 0);
  const shown = editedAfter === errors ? undefined : errors;
  const over = maxLength !== undefined ? length - maxLength : 0;
  const counter =
    maxLength !== undefined && length >= maxLength * 0.8
      ? over > 0
        ? t("tooLong", { over, max: maxLength })
        : t("count", { count: length, max: maxLength })
      : null;
  return {
    errors: over > 0 ? [...(shown ?? []), counter!] : shown,
    counter: over > 0 ? null : counter,
    changed(value: string) {
      setLength(value.length);
      if (errors) setEditedAfter(errors);
    },
  };
}

function Counter({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <p
      id={`${id}-count`}
      aria-live="polite"
      className="text-right text-xs text-slate-500 tabular-nums"
    >
      {text}
    </p>
  ) : null;
}

function FieldFrame({ id, label, hint, errors, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  errors: given,
  maxLength,
  onInput,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const control = useTextControl(given, maxLength, input.defaultValue ?? input.value);
  const errors = control.errors;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="field-control"
        {...input}
        onInput={(event) => {
          control.changed(event.currentTarget.value);
          onInput?.(event);
        }}
      />
      <Counter id={id} text={control.counter} />
    </FieldFrame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="field-control"
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  errors: given,
  ref,
  maxLength,
  onInput,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const control = useTextControl(given, maxLength, textarea.defaultValue ?? textarea.value);
  const errors = control.errors;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <textarea
        ref={ref}
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="field-control min-h-24"
        {...textarea}
        onInput={(event) => {
          control.changed(event.currentTarget.value);
          onInput?.(event);
        }}
      />
      <Counter id={id} text={control.counter} />
    </FieldFrame>
  );
}

export function CheckboxField({
  id,
  label,
  ...input
}: { id: string; label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label
      htmlFor={id}
      className="flex items-center gap-3 text-sm font-medium text-slate-800 dark:text-slate-200"
    >
      <input
        id={id}
        type="checkbox"
        className="size-4 rounded border-slate-300 accent-indigo-600"
        {...input}
      />
      {label}
    </label>
  );
}
