import type { UseFormReturnType } from '@mantine/form';
import type { CreateMailboxBody, Mailbox, UpdateMailboxBody } from '../../../contracts/mail';
import { ApiError, errorMessage } from '../../app/api';
import { looksLikeEmail } from '../../app/forms';

/** The mailbox form, flat: one value per input. */
export interface MailboxValues {
  displayName: string;
  address: string;
  isDefault: boolean;
  defaultTeamId: string | null;
  defaultCategoryId: string | null;
  inboundMethod: 'smtp' | 'imap';
  imapHost: string;
  imapPort: number | string;
  imapSecure: boolean;
  imapUser: string;
  imapPassword: string;
  imapFolder: string;
  imapProcessedAction: 'move' | 'flag';
  imapProcessedFolder: string;
  imapIntervalSeconds: number | string;
  outbound: 'default' | 'own';
  smtpUrl: string;
  signature: string;
  autoAck: boolean;
  customAck: boolean;
  ackSubject: string;
  ackBody: string;
}

export type MailboxForm = UseFormReturnType<MailboxValues>;

export function initialValues(mailbox: Mailbox | null): MailboxValues {
  const imap = mailbox?.imap ?? null;
  return {
    displayName: mailbox?.displayName ?? '',
    address: mailbox?.address ?? '',
    isDefault: mailbox?.isDefault ?? false,
    defaultTeamId: mailbox?.defaultTeam ? String(mailbox.defaultTeam.id) : null,
    defaultCategoryId: mailbox?.defaultCategory ? String(mailbox.defaultCategory.id) : null,
    inboundMethod: mailbox?.inboundMethod ?? 'smtp',
    imapHost: imap?.host ?? '',
    imapPort: imap?.port ?? 993,
    imapSecure: imap?.secure ?? true,
    imapUser: imap?.user ?? '',
    imapPassword: '',
    imapFolder: imap?.folder ?? 'INBOX',
    imapProcessedAction: imap?.processedAction ?? 'move',
    imapProcessedFolder: imap?.processedFolder ?? 'Processed',
    imapIntervalSeconds: imap?.intervalSeconds ?? 60,
    outbound: mailbox?.smtp ? 'own' : 'default',
    smtpUrl: '',
    signature: mailbox?.signature ?? '',
    autoAck: mailbox?.autoAck ?? true,
    customAck: mailbox ? mailbox.ackSubject !== null || mailbox.ackBody !== null : false,
    ackSubject: mailbox?.ackSubject ?? '',
    ackBody: mailbox?.ackBody ?? '',
  };
}

const required = (value: string, message: string) => (value.trim() ? null : message);

/** Checks in the browser; the server checks again and its answer lands on the same fields. */
export function validation(mailbox: Mailbox | null) {
  const imapOnly = (check: (values: MailboxValues) => string | null) => (_: unknown, values: MailboxValues) =>
    values.inboundMethod === 'imap' ? check(values) : null;
  return {
    displayName: (value: string) => required(value, 'Give the mailbox a name customers will see'),
    address: (value: string) => (looksLikeEmail(value) ? null : 'Enter an email address'),
    imapHost: imapOnly((v) => required(v.imapHost, 'Enter the IMAP server')),
    imapUser: imapOnly((v) => required(v.imapUser, 'Enter the user name')),
    imapPassword: imapOnly((v) =>
      mailbox?.imap ? null : required(v.imapPassword, 'Enter the password of this mailbox'),
    ),
    imapPort: imapOnly((v) =>
      typeof v.imapPort === 'number' && v.imapPort >= 1 && v.imapPort <= 65535
        ? null
        : 'A port from 1 to 65535',
    ),
    imapFolder: imapOnly((v) => required(v.imapFolder, 'Enter the folder to read, usually INBOX')),
    imapProcessedFolder: imapOnly((v) =>
      v.imapProcessedAction === 'move'
        ? required(v.imapProcessedFolder, 'Enter the folder to move mail to')
        : null,
    ),
    imapIntervalSeconds: imapOnly((v) =>
      typeof v.imapIntervalSeconds === 'number' &&
      v.imapIntervalSeconds >= 10 &&
      v.imapIntervalSeconds <= 3600
        ? null
        : 'From 10 to 3600 seconds',
    ),
    smtpUrl: (value: string, values: MailboxValues) => {
      if (values.outbound !== 'own') return null;
      if (!value.trim()) return mailbox?.smtp ? null : 'Enter the address of the outgoing server';
      return /^smtps?:\/\/\S+$/.test(value.trim()) ? null : 'Use smtp://user:password@host:port or smtps://…';
    },
    ackSubject: (value: string, values: MailboxValues) =>
      values.autoAck && values.customAck ? required(value, 'Enter the subject of the acknowledgment') : null,
    ackBody: (value: string, values: MailboxValues) =>
      values.autoAck && values.customAck ? required(value, 'Enter the text of the acknowledgment') : null,
  };
}

const toId = (value: string | null) => (value ? Number(value) : null);
const toNumber = (value: number | string, fallback: number) => (typeof value === 'number' ? value : fallback);

/** The body for a new mailbox. */
export function createBody(v: MailboxValues): CreateMailboxBody {
  const { smtpUrl, ...rest } = updateBody(v, null);
  return {
    ...rest,
    address: v.address.trim(),
    displayName: v.displayName.trim(),
    smtpUrl: smtpUrl ?? null,
  };
}

/** The body for a change: passwords left empty are left out, so the server keeps them. */
export function updateBody(v: MailboxValues, mailbox: Mailbox | null): UpdateMailboxBody {
  const custom = v.customAck;
  const smtpUrl = v.outbound === 'default' ? null : v.smtpUrl.trim() || (mailbox?.smtp ? undefined : null);
  return {
    address: v.address.trim(),
    displayName: v.displayName.trim(),
    isDefault: v.isDefault,
    defaultTeamId: toId(v.defaultTeamId),
    defaultCategoryId: toId(v.defaultCategoryId),
    signature: v.signature,
    inboundMethod: v.inboundMethod,
    imap:
      v.inboundMethod === 'imap'
        ? {
            host: v.imapHost.trim(),
            port: toNumber(v.imapPort, 993),
            secure: v.imapSecure,
            user: v.imapUser.trim(),
            ...(v.imapPassword ? { password: v.imapPassword } : {}),
            folder: v.imapFolder.trim(),
            processedAction: v.imapProcessedAction,
            processedFolder: v.imapProcessedAction === 'move' ? v.imapProcessedFolder.trim() : null,
            intervalSeconds: toNumber(v.imapIntervalSeconds, 60),
          }
        : null,
    ...(smtpUrl === undefined ? {} : { smtpUrl }),
    autoAck: v.autoAck,
    ackSubject: custom && v.ackSubject.trim() ? v.ackSubject.trim() : null,
    ackBody: custom && v.ackBody.trim() ? v.ackBody.trim() : null,
  };
}

/** "imap.password" → "imapPassword": where a server's field problem shows in this form. */
function fieldOf(path: string, values: MailboxValues): keyof MailboxValues | null {
  const [top, sub] = path.split('.');
  if (top === 'imap' && sub) {
    const name = `imap${sub[0]?.toUpperCase()}${sub.slice(1)}`;
    return name in values ? (name as keyof MailboxValues) : 'imapHost';
  }
  if (top === 'imap') return 'imapHost';
  return top && top in values ? (top as keyof MailboxValues) : null;
}

/** Puts a failed save's problems on their fields; returns what no field took, or null. */
export function applyMailboxErrors(form: MailboxForm, error: unknown): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const errors: Record<string, string> = {};
  for (const issue of error.fieldIssues) {
    const field = fieldOf(issue.path, form.getValues());
    if (field) errors[field] ??= issue.message;
  }
  if (Object.keys(errors).length === 0) return error.message;
  form.setErrors(errors);
  return null;
}
