// Drives the HTTP API the way users do, to set up what a browser test needs.

export class ApiError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} -> ${status}: ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

/** A signed-in API user. */
export class ApiUser {
  constructor(baseUrl, login) {
    this.baseUrl = baseUrl;
    this.login = login;
    this.user = login.user;
  }

  static async login(baseUrl, username, password) {
    const login = await call(baseUrl, 'POST', '/api/auth/login', { username, password });
    return new ApiUser(baseUrl, login);
  }

  request(method, path, body, headers = {}) {
    return call(this.baseUrl, method, path, body, this.login.accessToken, headers);
  }

  get(path) { return this.request('GET', path); }

  post(path, body) { return this.request('POST', path, body); }

  put(path, body) { return this.request('PUT', path, body); }
}

async function call(baseUrl, method, path, body, token, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(method, path, res.status, parsed);
  return parsed;
}
