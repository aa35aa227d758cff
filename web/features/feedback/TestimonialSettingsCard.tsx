import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { TestimonialSettings } from '../../../contracts/testimonials';
import { notifyError, notifySuccess } from '../../app/notify';
import { useUpdateTestimonialSettings } from './testimonials.queries';

/** The request mail's wording, the consent text, the frequency cap and how long links work. */
export function TestimonialSettingsCard({
  settings,
  canManage,
}: {
  settings: TestimonialSettings;
  canManage: boolean;
}) {
  const [draft, setDraft] = useState(settings);
  const save = useUpdateTestimonialSettings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        enabled: draft.enabled,
        subject: draft.subject,
        body: draft.body,
        consentWording: draft.consentWording,
        capDays: draft.capDays,
        linkDays: draft.linkDays,
        delayMinutes: draft.delayMinutes,
      },
      {
        onSuccess: () => notifySuccess('The testimonial settings are saved.', 'Saved'),
        onError: (error) => notifyError(error, 'The settings were not saved'),
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="testimonial-settings-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="testimonial-settings-title">
            Asking for testimonials
          </Title>
          <Switch
            label="Ask promoters who left a comment whether we may quote them"
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
            disabled={!canManage}
          />
          <TextInput
            label="Mail subject"
            value={draft.subject}
            onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })}
            disabled={!canManage}
            maxLength={200}
          />
          <Textarea
            label="Mail text"
            description="{{customer.name}}, {{company.name}}, {{testimonial.quote}} and {{testimonial.url}} (the link) are filled in"
            value={draft.body}
            onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
            disabled={!canManage}
            autosize
            minRows={4}
            maxLength={4000}
          />
          <Textarea
            label="Consent wording"
            description="Shown on the page and kept with each consent; {company} is the company name from the NPS settings"
            value={draft.consentWording}
            onChange={(e) => setDraft({ ...draft, consentWording: e.currentTarget.value })}
            disabled={!canManage}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Ask a customer at most every (days)"
              description="0 turns the cap off"
              min={0}
              max={730}
              value={draft.capDays}
              onChange={(v) => setDraft({ ...draft, capDays: typeof v === 'number' ? v : 0 })}
              disabled={!canManage}
            />
            <NumberInput
              label="Links work for (days)"
              min={1}
              max={365}
              value={draft.linkDays}
              onChange={(v) => setDraft({ ...draft, linkDays: typeof v === 'number' ? v : 1 })}
              disabled={!canManage}
            />
            <NumberInput
              label="Ask this long after the answer (minutes)"
              description="Time for the customer to change their answer"
              min={0}
              max={10080}
              value={draft.delayMinutes}
              onChange={(v) => setDraft({ ...draft, delayMinutes: typeof v === 'number' ? v : 0 })}
              disabled={!canManage}
            />
          </SimpleGrid>
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
