import type { FieldProblem, ProblemBody } from '../types';

/** Codes the client itself produces when no problem document came back from the server. */
export const CLIENT_CODES = {
  network: 'CLIENT-NETWORK',
  badResponse: 'CLIENT-BAD-RESPONSE',
  sessionExpired: 'CLIENT-SESSION-EXPIRED',
} as const;

/** A failed API call: the server's problem+json, or a client-side equivalent (network down, bad body). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly title: string;
  readonly errors: FieldProblem[];

  constructor(body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${body.status}`);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code ?? `HTTP-${body.status}`;
    this.title = body.title ?? '';
    this.detail = body.detail ?? body.title ?? '';
    this.errors = Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : [];
  }

  /** Field errors keyed by the first segment of their JSON pointer ("/citizenId" -> "citizenId"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const field = pointerField(e.pointer);
      // Several issues on one field read as one sentence each.
      out[field] = out[field] ? `${out[field]} ${e.detail}` : e.detail;
    }
    return out;
  }

  static network(cause: unknown): ApiProblem {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ApiProblem({ status: 0, code: CLIENT_CODES.network, detail });
  }
}

/** "/address/line/0" -> "address"; "" or "/" -> "" (the whole document). */
export function pointerField(pointer: string): string {
  const first = pointer.replace(/^#?\//, '').split('/')[0] ?? '';
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isFieldProblem(e: unknown): e is FieldProblem {
  return typeof e === 'object' && e !== null && typeof (e as FieldProblem).pointer === 'string'
    && typeof (e as FieldProblem).detail === 'string';
}
