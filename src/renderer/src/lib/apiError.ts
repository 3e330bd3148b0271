import type { ErrorCode, ErrorDetails, Refusal, RpcError } from '@shared/errors';

/**
 * An error envelope as a thrown value, so TanStack Query and forms can handle it. Its meaning is
 * `refusal` (reason and params: see i18n/errorMessage.ts for the words); Error.message keeps the
 * server's developer text for the console only. It sits in lib/ because every layer handles it,
 * the words in i18n/ included, and api/ throws it.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly refusal: Refusal;
  readonly details?: ErrorDetails;
  constructor(error: RpcError) {
    // eslint-disable-next-line no-restricted-syntax -- handed to Error for the console, never read
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.refusal = error;
    this.details = error.details;
  }
}
