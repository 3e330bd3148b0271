/** The closed set of error codes that cross the RPC boundary. The renderer maps each to one message. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'ACCOUNT_LOCKED',
  'INVALID_TRANSITION',
  'INSUFFICIENT_STOCK',
  /** The database failed its start-up check: only the guided restore (recovery.*) answers. */
  'DATABASE_DAMAGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field; `path` is the zod path joined with dots ("admin.password"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorDetails {
  fields?: FieldIssue[];
  /** Epoch ms, for ACCOUNT_LOCKED. */
  lockedUntil?: number;
  /** Records the conflict is with, e.g. customers who already have this phone number. */
  matches?: { id: string; label: string }[];
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: RpcError };

/** Thrown by services for expected failures; dispatch turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
