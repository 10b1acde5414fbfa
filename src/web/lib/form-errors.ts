import { useState } from 'react';
import { problemMessage } from '../../domain/problems';
import type { FieldIssue } from '../../domain/employee';
import { ApiError } from '../api/client';
import type { SummaryItem } from '../components/ErrorSummary';
import { currentLang } from '../i18n';

export type FieldErrors = Record<string, string>;

/** Domain issues (the same rules the server applies) as messages by field. */
export function issuesToErrors(issues: FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) out[i.field] ??= problemMessage(currentLang(), i.problem);
  return out;
}

/** Summary links in the order the fields appear on the form; unknown fields go last. */
export function summaryItems(
  errors: FieldErrors,
  order: readonly string[],
  idPrefix: string,
  labels: Record<string, string>,
): SummaryItem[] {
  const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => !order.includes(k))];
  return keys.map((k) => ({
    fieldId: `${idPrefix}-${k}`,
    message: labels[k] ? `${labels[k]}: ${errors[k]}` : errors[k]!,
  }));
}

/** A failed save: field messages for the fields, the title for the summary when no field is named. */
export function fromApiError(e: unknown): { fields: FieldErrors; title: string | null } {
  if (e instanceof ApiError) {
    const fields = e.fieldErrors();
    return { fields, title: Object.keys(fields).length ? null : e.title };
  }
  return {
    fields: {},
    title: currentLang() === 'en' ? 'The data could not be saved.' : 'Data tidak dapat disimpan.',
  };
}

/** "" → null, so optional fields are cleared rather than sent as empty strings. */
export const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/**
 * A form's error state: messages by field plus a summary title. `showApiError` puts an API refusal
 * where it belongs (beside the fields it names, or in the summary); nothing the user typed is touched.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [title, setTitle] = useState<string | null>(null);
  const showApiError = (err: unknown) => {
    const r = fromApiError(err);
    setErrors(r.fields);
    setTitle(r.title);
  };
  return { errors, setErrors, title, setTitle, showApiError };
}
