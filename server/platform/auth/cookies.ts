export const SESSION_COOKIE = 'steward_session';
export const CSRF_COOKIE = 'steward_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const TOKEN_PREFIX = 'stw_';
