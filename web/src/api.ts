// The one door to the server: JSON over fetch, the CSRF header on every
// write, and errors turned into ApiError with the server's code and message.
import type { Page } from './types';

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// Called when a request that needed a session answers 401 (the session expired).
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
}

// The JSON body of a response, or ApiError for a status outside 2xx.
async function read(response: Response, path: string): Promise<unknown> {
  let data: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status === 401 && path !== '/sessions' && onUnauthenticated) onUnauthenticated();
    throw new ApiError(response.status, err?.code ?? 'http_' + response.status, err?.message ?? response.statusText);
  }
  return data;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await read(response, path)) as T;
}

// A GET that also reports the status and Retry-After, for endpoints that
// answer 202 while the server computes in the background (network metrics).
export interface Fetched<T> {
  status: number;
  data: T;
  retryAfter: number | null; // seconds
}

export async function getWithStatus<T>(path: string, query?: Query): Promise<Fetched<T>> {
  const full = withQuery(path, query);
  const response = await send('GET', full);
  const data = (await read(response, full)) as T;
  const retry = Number(response.headers.get('Retry-After'));
  return { status: response.status, data, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null };
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  page: <T>(path: string, query?: Query) => request<Page<T>>('GET', withQuery(path, query)),
};

export const enc = encodeURIComponent;
