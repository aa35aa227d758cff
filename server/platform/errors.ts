/**
 * Every error the API can answer with. The code is stable and documented in docs/api.md;
 * the message is for people.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  PASSWORD_INCORRECT: 400,
  TOTP_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TEAM_NOT_FOUND: 404,
  API_TOKEN_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  ORGANIZATION_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  CUSTOM_FIELD_NOT_FOUND: 404,
  VIEW_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  MAILBOX_NOT_FOUND: 404,
  MAIL_NOT_FOUND: 404,
  MAIL_RULE_NOT_FOUND: 404,
  MAIL_TEMPLATE_NOT_FOUND: 404,
  JOB_FAILURE_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  TEAM_NAME_TAKEN: 409,
  LAST_ADMIN: 409,
  CUSTOMER_MERGED: 409,
  ORGANIZATION_NAME_TAKEN: 409,
  DOMAIN_TAKEN: 409,
  FIELD_KEY_TAKEN: 409,
  TICKET_VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  TICKET_CLOSED: 409,
  TICKET_MERGED: 409,
  MERGE_REQUESTER_CHANGE: 409,
  MAILBOX_ADDRESS_TAKEN: 409,
  MAIL_NOT_RETRYABLE: 409,
  TWO_FACTOR_ALREADY_ENABLED: 409,
  TWO_FACTOR_NOT_PENDING: 409,
  PAYLOAD_TOO_LARGE: 413,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_REFUSED: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  URI_TOO_LONG: 414,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export const notFound = (code: ErrorCode, what: string) => new AppError(code, `${what} was not found`);
