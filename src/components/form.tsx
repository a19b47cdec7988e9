"use client";
// Forms that post to a server action and show its answer: a message at the top, errors next to fields.
import { createContext, startTransition, useContext, useEffect, useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useSubmittedAction } from "@/components/submitted-action";
import type { ActionResult } from "@/server/commands/command";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const FieldErrors = createContext<Record<string, string[]> | undefined>(undefined);
const Pending = createContext(false);

export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
  onSuccess,
  "aria-label": ariaLabel,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  onSuccess?: (result: ActionResult) => void;
  "aria-label"?: string;
}) {
  // The submission key and a lost answer shown in the form, values kept (src/components/submitted-action.ts).
  const [state, formAction, pending] = useSubmittedAction(action);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      onSuccess?.(state);
    }
    // Focus never falls to <body> after an answer: a refused form takes it to its first field in
    // error; otherwise it stays where it was (the button), or goes to the message if it was lost.
    const form = formRef.current;
    if (!state || !form) return;
    const invalid = state.ok ? null : form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (!document.activeElement || document.activeElement === document.body) form.querySelector<HTMLElement>("[data-form-message]")?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form
      ref={formRef}
      action={formAction}
      // Submitting through onSubmit keeps what the user typed when the server refuses it (a plain form
      // action would reset the fields). Without JavaScript the form still posts through `action`.
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return; // the button stays focusable while pending (see SubmitButton): no second post
        const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(formData));
      }}
      className={className}
      aria-label={ariaLabel}
      aria-busy={pending}
      noValidate
    >
      {state && <FormMessage result={state} />}
      <Pending.Provider value={pending}>
        <FieldErrors.Provider value={state && !state.ok ? state.fieldErrors : undefined}>{children}</FieldErrors.Provider>
      </Pending.Provider>
    </form>
  );
}

export function FormMessage({ result }: { result: ActionResult }) {
  if (result.ok && !result.message) return null;
  return (
    <p
      role={result.ok ? "status" : "alert"}
      tabIndex={-1}
      data-form-message=""
      className={`mb-4 rounded-md border px-3 py-2 text-sm ${
        result.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"
      }`}
    >
      {result.message}
    </p>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
};

function useFieldError(name: string) {
  return useContext(FieldErrors)?.[name]?.[0];
}

function FieldShell({ id, label, hint, required, error, className, children }: FieldProps & { id: string; error?: string; children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
        {required && <span className="text-brand-600" aria-hidden> *</span>}
      </label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The field's error when it has one, else its hint: the text shown under it (FieldShell shows one of the two). */
const describedBy = (id: string, error: string | undefined, hint: string | undefined) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

const inputClass = (error?: string) =>
  `rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${
    error ? "border-red-500" : "border-slate-300"
  }`;

export function TextField({
  type = "text",
  defaultValue,
  placeholder,
  autoComplete,
  maxLength,
  error: shownError,
  ...props
}: FieldProps & {
  type?: string;
  defaultValue?: string | number;
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
  /** The field's error outside an ActionForm (a plain GET form checked by the page). */
  error?: string;
}) {
  const id = useId();
  const fromAction = useFieldError(props.name);
  const error = shownError ?? fromAction;
  return (
    <FieldShell {...props} id={id} error={error}>
      <input
        id={id}
        name={props.name}
        type={type}
        defaultValue={defaultValue}
        placeholder={placeholder}
        autoComplete={autoComplete}
        maxLength={maxLength}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
        className={inputClass(error)}
      />
    </FieldShell>
  );
}

export function SelectField({
  options,
  defaultValue,
  placeholder,
  ...props
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string; placeholder?: string }) {
  const id = useId();
  const error = useFieldError(props.name);
  return (
    <FieldShell {...props} id={id} error={error}>
      <select
        id={id}
        name={props.name}
        defaultValue={defaultValue ?? ""}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
        className={inputClass(error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({ defaultValue, rows = 4, ...props }: FieldProps & { defaultValue?: string; rows?: number }) {
  const id = useId();
  const error = useFieldError(props.name);
  return (
    <FieldShell {...props} id={id} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={rows}
        defaultValue={defaultValue}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
        className={inputClass(error)}
      />
    </FieldShell>
  );
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="size-4 shrink-0 accent-brand-600"
        />
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  confirm,
  className,
}: {
  children: ReactNode;
  variant?: "primary" | "danger" | "secondary";
  confirm?: string;
  /** Extra classes (e.g. "min-h-11" for a 44px touch target). */
  className?: string;
}) {
  const status = useFormStatus();
  const pending = useContext(Pending) || status.pending;
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    danger: "bg-white text-red-700 border border-red-300 hover:bg-red-50",
    secondary: "bg-white text-slate-700 border border-slate-300 hover:bg-slate-50",
  }[variant];
  return (
    <button
      type="submit"
      // aria-disabled, not disabled: a disabled button loses focus to <body>, and keyboard and screen
      // reader users would have to find their place again after every answer.
      aria-disabled={pending || undefined}
      aria-busy={pending}
      onClick={(e) => {
        if (pending) return e.preventDefault();
        // Irreversible actions ask first.
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium shadow-sm aria-disabled:opacity-60 ${styles} ${className ?? ""}`}
    >
      {pending ? "Đang xử lý…" : children}
    </button>
  );
}

/**
 * A record's form laid out as a grid of `columns`: its id hidden (when editing one), the fields, and the
 * submit button across the bottom.
 */
export function GridForm({
  action,
  id,
  columns = 2,
  resetOnSuccess,
  submitLabel = "Lưu thay đổi",
  children,
  "aria-label": ariaLabel,
}: {
  action: Action;
  id?: string;
  columns?: 2 | 3;
  resetOnSuccess?: boolean;
  submitLabel?: string;
  children: ReactNode;
  "aria-label": string;
}) {
  return (
    <ActionForm action={action} resetOnSuccess={resetOnSuccess} className={`grid gap-4 ${columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`} aria-label={ariaLabel}>
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {children}
      <div className={columns === 3 ? "sm:col-span-3" : "sm:col-span-2"}>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </ActionForm>
  );
}

type ToggleStep = { label: ReactNode; confirm: string; note?: ReactNode };

/**
 * Stops or restarts a record: posts its id and the opposite of `active`. An active record offers `stop`
 * (a danger button), a stopped one `restart`; a step's note stands before its button, above it or
 * (`inline`) beside it.
 */
export function ToggleActiveForm({
  action,
  id,
  active,
  stop,
  restart,
  inline = false,
  "aria-label": ariaLabel,
}: {
  action: Action;
  id: string;
  active: boolean;
  stop: ToggleStep;
  restart: ToggleStep;
  inline?: boolean;
  "aria-label": string;
}) {
  const step = active ? stop : restart;
  const button = (
    <SubmitButton variant={active ? "danger" : "secondary"} confirm={step.confirm}>
      {step.label}
    </SubmitButton>
  );
  return (
    <ActionForm action={action} aria-label={ariaLabel}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      {step.note ? (
        <div className={inline ? "flex flex-wrap items-center justify-between gap-3" : "space-y-3"}>
          <p className="text-sm text-slate-600">{step.note}</p>
          {button}
        </div>
      ) : (
        button
      )}
    </ActionForm>
  );
}
