// fetch() for the host's JSON APIs. Errors come back as application/problem+json; ApiError carries
// the human title/detail the server wrote, ready to show.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly retryAfterSeconds: number | undefined,
    readonly problem: Record<string, unknown> | undefined,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
  }
}

export interface ApiOptions {
  /** Origin of the PinCovisor host ("" = this page's origin). The widget passes its script's origin. */
  baseUrl?: string;
  /** Bearer token (customers, and agents outside the console's cookie). */
  token?: string | null;
  method?: string;
  /** A JSON body (serialised) or FormData / Blob sent as is. */
  body?: unknown;
  signal?: AbortSignal;
  /** Send cookies (the agent console). Default: same-origin. */
  credentials?: RequestCredentials;
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData || options.body instanceof Blob) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const init: RequestInit = {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    credentials: options.credentials ?? "same-origin",
  };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;
  const response = await fetch((options.baseUrl ?? "") + path, init);
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const type = response.headers.get("Content-Type") ?? "";
    return (type.includes("json") ? await response.json() : await response.text()) as T;
  }
  let problem: Record<string, unknown> | undefined;
  try {
    problem = (await response.json()) as Record<string, unknown>;
  } catch {
    problem = undefined;
  }
  const retryAfter = Number(response.headers.get("Retry-After"));
  throw new ApiError(
    response.status,
    typeof problem?.title === "string" ? problem.title : response.statusText || `HTTP ${response.status}`,
    typeof problem?.detail === "string" ? problem.detail : undefined,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    problem,
  );
}
