import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CreateMailboxBody,
  CreateMailRuleBody,
  InboundMail,
  Mailbox,
  MailRule,
  MailSettings,
  MailTemplate,
  RenderedMail,
  TemplateKey,
  UpdateMailboxBody,
  UpdateMailTemplateBody,
} from '../../../contracts/mail';
import { api, type Page } from '../../app/api';

export type InboundStatus = InboundMail['status'];
export type InboundCounts = Record<InboundStatus, number>;
interface InboundPage extends Page<InboundMail> {
  counts: InboundCounts;
}

export const mailKeys = {
  mailboxes: ['mailboxes'] as const,
  rules: ['mail-rules'] as const,
  settings: ['settings', 'mail'] as const,
  templates: ['mail-templates'] as const,
  preview: (key: TemplateKey, subject: string, body: string) =>
    ['mail-templates', 'preview', key, subject, body] as const,
  inbound: ['inbound-mail'] as const,
  inboundList: (status: InboundStatus, q: string) => ['inbound-mail', 'list', status, q] as const,
  inboundCounts: ['inbound-mail', 'counts'] as const,
};

export function useMailboxes() {
  return useQuery({
    queryKey: mailKeys.mailboxes,
    queryFn: ({ signal }) => api.get<{ data: Mailbox[] }>('/mailboxes', undefined, signal),
    select: (result) => result.data,
  });
}

export function useSaveMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: CreateMailboxBody } | { id: number; body: UpdateMailboxBody }) =>
      input.id === null
        ? api.post<Mailbox>('/mailboxes', input.body)
        : api.patch<Mailbox>(`/mailboxes/${input.id}`, input.body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.mailboxes }),
  });
}

export function useDeleteMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/mailboxes/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.mailboxes }),
  });
}

export function useMailRules() {
  return useQuery({
    queryKey: mailKeys.rules,
    queryFn: ({ signal }) => api.get<{ data: MailRule[] }>('/mail-rules', undefined, signal),
    select: (result) => result.data,
  });
}

export function useAddMailRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMailRuleBody) => api.post<MailRule>('/mail-rules', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.rules }),
  });
}

export function useDeleteMailRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/mail-rules/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.rules }),
  });
}

export function useMailSettings() {
  return useQuery({
    queryKey: mailKeys.settings,
    queryFn: ({ signal }) => api.get<MailSettings>('/settings/mail', undefined, signal),
  });
}

export function useUpdateMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MailSettings>) => api.patch<MailSettings>('/settings/mail', body),
    onSuccess: (settings) => queryClient.setQueryData(mailKeys.settings, settings),
  });
}

export function useMailTemplates() {
  return useQuery({
    queryKey: mailKeys.templates,
    queryFn: ({ signal }) => api.get<{ data: MailTemplate[] }>('/mail-templates', undefined, signal),
    select: (result) => result.data,
  });
}

function useStoreTemplate() {
  const queryClient = useQueryClient();
  return (saved: MailTemplate) =>
    queryClient.setQueryData<{ data: MailTemplate[] }>(mailKeys.templates, (old) =>
      old ? { data: old.data.map((t) => (t.key === saved.key ? saved : t)) } : old,
    );
}

export function useUpdateTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({ key, body }: { key: TemplateKey; body: UpdateMailTemplateBody }) =>
      api.patch<MailTemplate>(`/mail-templates/${key}`, body),
    onSuccess: store,
  });
}

export function useResetTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: (key: TemplateKey) => api.delete<MailTemplate>(`/mail-templates/${key}`),
    onSuccess: store,
  });
}

/** The template rendered with sample values, for text that may not be saved yet. */
export function useTemplatePreview(key: TemplateKey, subject: string, body: string) {
  return useQuery({
    queryKey: mailKeys.preview(key, subject, body),
    queryFn: () => api.post<RenderedMail>(`/mail-templates/${key}/preview`, { subject, body }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useInboundMail(status: InboundStatus, q: string) {
  return useInfiniteQuery({
    queryKey: mailKeys.inboundList(status, q.trim()),
    queryFn: ({ pageParam, signal }) =>
      api.get<InboundPage>('/inbound-mail', { status, q: q.trim(), limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How much received mail is in each state, for the tab's badge. */
export function useInboundCounts() {
  return useQuery({
    queryKey: mailKeys.inboundCounts,
    queryFn: ({ signal }) => api.get<InboundPage>('/inbound-mail', { limit: 1 }, signal),
    select: (page) => page.counts,
    staleTime: 30_000,
  });
}

export function useRetryInbound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<InboundMail>(`/inbound-mail/${id}/retry`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.inbound }),
  });
}

export function useDeleteInbound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/inbound-mail/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.inbound }),
  });
}
