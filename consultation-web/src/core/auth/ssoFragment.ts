import type { LoginResult } from '../types';

const PREFIX = '#sso=';

/**
 * The SSO callback hands tokens to the app in the URL fragment (never sent to a server, never logged):
 * `#sso=<base64url(JSON {accessToken, refreshToken, expiresIn, user})>`. Returns null when the fragment
 * is not an SSO hand-off; throws when it is one but cannot be read.
 */
export function parseSsoFragment(hash: string): LoginResult | null {
  if (!hash.startsWith(PREFIX)) return null;
  const encoded = decodeURIComponent(hash.slice(PREFIX.length));
  const json = new TextDecoder().decode(base64UrlToBytes(encoded));
  const value = JSON.parse(json) as Partial<LoginResult>;
  if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string'
      || typeof value.expiresIn !== 'number' || typeof value.user?.id !== 'string') {
    throw new Error('SSO hand-off is incomplete');
  }
  return value as LoginResult;
}

function base64UrlToBytes(s: string): Uint8Array {
  const base64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
