import createClient, { type Middleware } from 'openapi-fetch';
import { currentLang } from '../i18n';
import type { components, paths } from './schema';

export type { components, paths };

/** One entry of a problem+json `errors` list: a body field or a file row/column. */
export interface ProblemItem {
  field?: string;
  row?: number;
  column?: string;
  message: string;
}

/** A problem+json answer turned into an Error the pages and forms can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly code: string,
    readonly errors: ProblemItem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(title);
  }

  /** Messages by form field: "body.nip" → "nip". */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      if (!e.field) continue;
      const key = e.field.replace(/^(body|query|params|querystring)\./, '');
      out[key] ??= e.message;
    }
    return out;
  }
}

const fallbackTitle = () => (currentLang() === 'en' ? 'Something went wrong.' : 'Terjadi kesalahan.');

/** Reads an error response (problem+json or anything else) into an ApiError. */
export async function toApiError(res: Response, parsed?: unknown): Promise<ApiError> {
  let body: Record<string, unknown>;
  if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  else {
    try {
      body = (await res.clone().json()) as Record<string, unknown>;
    } catch {
      body = {};
    }
  }
  const title = typeof body.title === 'string' ? body.title : fallbackTitle();
  const code = typeof body.code === 'string' ? body.code : `http.${res.status}`;
  const errors = Array.isArray(body.errors) ? (body.errors as ProblemItem[]) : [];
  return new ApiError(res.status, title, code, errors, body);
}

const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLang());
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(language);

/** Returns the data of an openapi-fetch result or throws an ApiError built from its problem+json. */
export async function unwrap<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok || data === undefined) throw await toApiError(response, error);
  return data;
}

/** Plain fetch with the same headers, for endpoints that are not (yet) in schema.d.ts. */
export async function request<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', currentLang());
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  if (!res.ok) throw await toApiError(res);
  return { status: res.status, body: (await res.json()) as T };
}

export type Me = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
export type Role = Me['roles'][number];
export type OrgUnit = paths['/api/org-units']['get']['responses'][200]['content']['application/json'][number];
export type Position =
  paths['/api/positions']['get']['responses'][200]['content']['application/json'][number];
export type EmployeeQuery = NonNullable<paths['/api/employees']['get']['parameters']['query']>;
export type EmployeeItem =
  paths['/api/employees']['get']['responses'][200]['content']['application/json']['items'][number];
export type EmployeeDetail =
  paths['/api/employees/{nip}']['get']['responses'][200]['content']['application/json'];
export type User = paths['/api/users/{id}']['get']['responses'][200]['content']['application/json'];
export type UserCreate = NonNullable<
  paths['/api/users']['post']['requestBody']
>['content']['application/json'];
export type UserPatch = NonNullable<
  paths['/api/users/{id}']['patch']['requestBody']
>['content']['application/json'];
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;
export type AuditEntry =
  paths['/api/audit']['get']['responses'][200]['content']['application/json']['items'][number];
