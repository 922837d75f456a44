/**
 * A scripted stand-in for the server in unit tests: records every request and answers with the
 * handler's Response. Tests of the real server over HTTP live in e2e/.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (req: RecordedRequest) => Response | Promise<Response>;

export function fakeServer(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const req: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(req);
    return handler(req);
  };
  return { fetch, requests };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, code: string, detail: string, errors?: { pointer: string; detail: string }[]): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, code, detail, errors }),
    { status, headers: { 'Content-Type': 'application/problem+json' } });
}

export function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** What the server's SSO callback puts in the URL: `#sso=` + base64url(UTF-8 JSON). */
export function ssoFragment(result: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(result));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `#sso=${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}
