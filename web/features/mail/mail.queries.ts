import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type {
  CreateMailboxBody,
  CreateMailRuleBody,
  InboundMail,
  MailSettings,
  MailTemplate,
  TemplateKey,
  UpdateMailboxBody,
  UpdateMailTemplateBody,
} from '../../../contracts/mail';
import { api } from '../../app/api';

export type InboundStatus = InboundMail['status'];
export type InboundCounts = Record<InboundStatus, number>;

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
    queryFn: ({ signal }) => api.call(routes.mail.mailboxes, { signal }),
    select: (result) => result.data,
  });
}

export function useSaveMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: CreateMailboxBody } | { id: number; body: UpdateMailboxBody }) =>
      input.id === null
        ? api.call(routes.mail.createMailbox, { body: input.body })
        : api.call(routes.mail.updateMailbox, { params: { id: input.id }, body: input.body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.mailboxes }),
  });
}

export function useDeleteMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.mail.removeMailbox, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.mailboxes }),
  });
}

export function useMailRules() {
  return useQuery({
    queryKey: mailKeys.rules,
    queryFn: ({ signal }) => api.call(routes.mail.rules, { signal }),
    select: (result) => result.data,
  });
}

export function useAddMailRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMailRuleBody) => api.call(routes.mail.createRule, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.rules }),
  });
}

export function useDeleteMailRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.mail.removeRule, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.rules }),
  });
}

export function useMailSettings() {
  return useQuery({
    queryKey: mailKeys.settings,
    queryFn: ({ signal }) => api.call(routes.mail.settings, { signal }),
  });
}

export function useUpdateMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MailSettings>) => api.call(routes.mail.updateSettings, { body }),
    onSuccess: (settings) => queryClient.setQueryData(mailKeys.settings, settings),
  });
}

export function useMailTemplates() {
  return useQuery({
    queryKey: mailKeys.templates,
    queryFn: ({ signal }) => api.call(routes.mail.templates, { signal }),
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
      api.call(routes.mail.updateTemplate, { params: { key }, body }),
    onSuccess: store,
  });
}

export function useResetTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: (key: TemplateKey) => api.call(routes.mail.resetTemplate, { params: { key } }),
    onSuccess: store,
  });
}

/** The template rendered with sample values, for text that may not be saved yet. */
export function useTemplatePreview(key: TemplateKey, subject: string, body: string) {
  return useQuery({
    queryKey: mailKeys.preview(key, subject, body),
    queryFn: () => api.call(routes.mail.previewTemplate, { params: { key }, body: { subject, body } }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useInboundMail(status: InboundStatus, q: string) {
  return useInfiniteQuery({
    queryKey: mailKeys.inboundList(status, q.trim()),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.mail.inbound, { query: { status, q: q.trim(), limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How much received mail is in each state, for the tab's badge. */
export function useInboundCounts() {
  return useQuery({
    queryKey: mailKeys.inboundCounts,
    queryFn: ({ signal }) => api.call(routes.mail.inbound, { query: { limit: 1 }, signal }),
    select: (page) => page.counts,
    staleTime: 30_000,
  });
}

export function useRetryInbound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.mail.retryInbound, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.inbound }),
  });
}

export function useDeleteInbound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.mail.removeInbound, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mailKeys.inbound }),
  });
}
