import type { Lang } from '../../domain/lang.ts';
import { z } from 'zod';
import { ErrorBody } from '../../contract/schemas.ts';
/** An error answered by the API: `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Every offending field with its message, when the console checked a form before sending. */
  readonly fieldErrors: Readonly<Record<string, string>> | undefined;

  constructor(status: number, code: string, message: string, field?: string, fieldErrors?: Record<string, string>) {
    super(message);
    this.fieldErrors = fieldErrors;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

const BASE = '/api/v1';
let csrfToken = '';
let language: Lang = 'en';
let onSignedOut: (() => void) | null = null;

/** The anti-forgery token echoed on every write (from login or /me). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The language server messages come back in. */
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

/** Called when the session has expired (401 auth.required on an authenticated call). */
export function setSignedOutHandler(handler: (() => void) | null): void {
  onSignedOut = handler;
}

/** An error reply (src/contract ErrorBody, each field optional); anything else (a proxy's page) reads as no error. */
const ErrorReply = z.object({ error: ErrorBody.shape.error.partial() });

/** The error an answer carries, if it is shaped as one. */
function errorOf(parsed: unknown) {
  const reply = ErrorReply.safeParse(parsed);
  return reply.success ? reply.data.error : undefined;
}

/**
 * The answer as the caller's type: the server validated it against the route's response schema in
 * src/contract (fastify serialises through it), so the console does not parse it a second time.
 */
function answer<T>(parsed: unknown): T {
  return parsed as T; // the one cast of the API client: the route's contract schema, checked by the server
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network.error',
      language === 'fr' ? 'Serveur injoignable.' : 'The server cannot be reached.',
    );
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = errorOf(parsed);
    const code = error?.code ?? 'http.' + String(response.status);
    if (response.status === 401 && code === 'auth.required' && path !== '/me') onSignedOut?.();
    throw new ApiError(response.status, code, error?.message ?? response.statusText, error?.field);
  }
  return answer<T>(parsed);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Query string from a record, skipping empty values. */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const s = search.toString();
  return s ? '?' + s : '';
}

/** The single API client of the console. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = null>(path: string) => request<T>('DELETE', path),
};

/**
 * Sends a file as it is (application/octet-stream) with XMLHttpRequest, whose upload events
 * give the progress (fetch has none); resolves with the answer, rejects with an ApiError.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'network.error', language === 'fr' ? 'Serveur injoignable.' : 'The server cannot be reached.'),
      );
    xhr.onload = () => {
      const parsed = xhr.responseText ? safeJson(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(answer<T>(parsed));
      const error = errorOf(parsed);
      reject(
        new ApiError(xhr.status, error?.code ?? `http.${xhr.status}`, error?.message ?? xhr.statusText, error?.field),
      );
    };
    xhr.send(file);
  });
}
