import { expect, type Page } from '@playwright/test';
import { e2eAdmin, e2eBaseUrl } from './global-setup';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  // The sign-in's answer (and with it the session cookie) arrives before the next step: a test
  // that goes straight to a page must not race it and land back on the sign-in form.
  const answered = page.waitForResponse(
    (res) => res.url().endsWith('/api/v1/auth/login') && res.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  await (await answered).finished();
}

/** Follows a link of the main navigation, as a person does. */
export async function openFromMainNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  // Signed out from a page, the sign-in page may offer to come back to it (?next=…).
  await expect(page).toHaveURL(/\/login(\?next=[^&]*)?$/);
}

/** A signed-in API session for seeding data, the way any client uses the REST API. */
export class ApiSession {
  private constructor(
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(email: string, password: string): Promise<ApiSession> {
    const response = await fetch(`${e2eBaseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok)
      throw new Error(`Sign-in as ${email} failed (${response.status}): ${await response.text()}`);
    const body = (await response.json()) as { csrfToken: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new ApiSession(cookie, body.csrfToken);
  }

  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${e2eBaseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

let adminSession: Promise<ApiSession> | null = null;

/** The e2e admin's API session, shared by the specs. */
export function adminApi(): Promise<ApiSession> {
  adminSession ??= ApiSession.signIn(e2eAdmin.email, e2eAdmin.password);
  return adminSession;
}

export interface SeededUser {
  id: number;
  email: string;
  name: string;
  password: string;
}

/** A unique suffix, so specs never collide with each other's data. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function createUser(
  role: 'agent' | 'customer' | 'manager',
  name: string,
  email = `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@example.test`,
): Promise<SeededUser> {
  const api = await adminApi();
  const password = `${role}-password-2026`;
  const user = await api.request<{ id: number }>('POST', '/users', { email, name, role, password });
  return { id: user.id, email, name, password };
}

export interface SeededTicket {
  id: number;
  subject: string;
  version: number;
}

export async function createTicket(body: {
  subject: string;
  message: string;
  requester: { email: string; name?: string };
  assigneeId?: number;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}): Promise<SeededTicket> {
  const api = await adminApi();
  return api.request<SeededTicket>('POST', '/tickets', {
    subject: body.subject,
    requester: body.requester,
    message: { body: body.message },
    channel: 'email',
    priority: body.priority ?? 'normal',
    assigneeId: body.assigneeId ?? null,
  });
}
