// The JSON API client: same-origin cookies, the CSRF header on writes, and problem+json turned into an ApiError
// that forms read field by field.

export type Message = { vi: string; en: string };
export type Problem = {
  status: number;
  code: string;
  message?: Message;
  field?: string;
  errors?: { path: string; code: string; message: Message }[];
  /** Whatever else the server said about the refusal (e.g. `problems` when a session cannot close). */
  [extra: string]: unknown;
};

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.message?.en ?? `HTTP ${status}`);
  }
  get code() { return this.problem.code; }
  /** The message for one field (by its path, e.g. `representative.fullName`), if the server named that field. */
  fieldMessage(path: string): Message | undefined {
    const hit = this.problem.errors?.find((e) => e.path === path);
    if (hit) return hit.message;
    if (this.problem.field === path) return this.problem.message;
    return undefined;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => { csrfToken = token; };

async function problemOf(status: number, body: string): Promise<Problem> {
  try {
    const json = JSON.parse(body) as Partial<Problem>;
    return { ...json, status, code: json.code ?? 'error', message: json.message, field: json.field, errors: json.errors };
  } catch {
    return { status, code: status >= 500 ? 'internal' : 'error', message: { vi: 'Lỗi không xác định', en: 'Unexpected error' } };
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { status: 0, code: 'network', message: { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' } });
  }
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, await problemOf(res.status, text));
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds `path?k=v…`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Multipart upload through XMLHttpRequest, the one browser API that reports upload progress (0–100). */
export function upload<T>(url: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else reject(new ApiError(xhr.status, await problemOf(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError(0, { status: 0, code: 'network', message: { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' } }));
    xhr.send(form);
  });
}
