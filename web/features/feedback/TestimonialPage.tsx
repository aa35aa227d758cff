import { Alert, Blockquote, Box, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import type { DisplayChoice, PublicTestimonial } from '../../../contracts/testimonials';
import { errorMessage, isApiError } from '../../app/api';
import { portalSite, usePageTitle } from '../../app/title';
import { LoadingState } from '../../components/LoadingState';
import { Closed } from './SurveyPage';
import { useDecideTestimonial, usePublicTestimonial } from './testimonials.queries';

const choiceLabel = (c: PublicTestimonial['choices'][number]) =>
  c.value === 'anonymous'
    ? 'Anonymously ("Anonymous customer")'
    : c.organization
      ? `${c.name}, ${c.organization}`
      : c.name;

const stateText: Record<PublicTestimonial['state'], string> = {
  requested: '',
  approved: 'You agreed that we may quote you. Thank you!',
  declined: 'You said no: we will not quote you.',
  withdrawn: 'You withdrew your consent: we no longer quote you.',
};

/** The exact quote, the exact consent text and the choice of name; only the buttons record anything. */
function ConsentForm({ view, token }: { view: PublicTestimonial; token: string }) {
  const decide = useDecideTestimonial(token);
  const [displayAs, setDisplayAs] = useState<DisplayChoice | null>(view.displayAs);
  const [missing, setMissing] = useState(false);

  const approve = (event: FormEvent) => {
    event.preventDefault();
    if (displayAs === null) {
      setMissing(true);
      return;
    }
    decide.mutate({ decision: 'approve', displayAs });
  };

  const answered = view.state !== 'requested';
  return (
    <form onSubmit={approve} noValidate aria-label="Consent to be quoted">
      <Paper withBorder p="xl" radius="md">
        <Stack gap="lg">
          <Title order={1} fz="h3">
            May we quote you?
          </Title>
          <Stack gap={6}>
            <Text fw={600} fz="sm">
              Your words, exactly as we would publish them
            </Text>
            <Blockquote p="md" data-testid="testimonial-quote" style={{ whiteSpace: 'pre-wrap' }}>
              {view.quote}
            </Blockquote>
          </Stack>
          {answered && (
            <Alert
              color={view.state === 'approved' ? 'green' : 'gray'}
              icon={<IconCircleCheck size={18} />}
              role="status"
            >
              {stateText[view.state]}
            </Alert>
          )}
          {view.state === 'approved' ? null : view.expired ? (
            <Text c="dimmed">This link is too old to agree. Thank you all the same.</Text>
          ) : (
            <>
              <Radio.Group
                label="How should we name you?"
                value={displayAs}
                onChange={(value) => {
                  setDisplayAs(value as DisplayChoice);
                  setMissing(false);
                }}
                error={missing ? 'Choose how you are named' : undefined}
              >
                <Stack gap="xs" mt="xs">
                  {view.choices.map((c) => (
                    <Radio key={c.value} value={c.value} label={choiceLabel(c)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Text fz="sm" data-testid="consent-wording" style={{ whiteSpace: 'pre-wrap' }}>
                {view.consentWording}
              </Text>
            </>
          )}
          {decide.isError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title="Your answer was not sent">
              {errorMessage(decide.error)}
            </Alert>
          )}
          <Group justify="flex-end" wrap="wrap">
            {view.state === 'approved' ? (
              <Button
                variant="default"
                color="red"
                loading={decide.isPending}
                onClick={() => decide.mutate({ decision: 'withdraw' })}
              >
                Withdraw my consent
              </Button>
            ) : (
              !view.expired && (
                <>
                  {view.state !== 'declined' && (
                    <Button
                      variant="default"
                      loading={decide.isPending && decide.variables?.decision === 'decline'}
                      onClick={() => decide.mutate({ decision: 'decline' })}
                    >
                      No, thank you
                    </Button>
                  )}
                  <Button
                    type="submit"
                    loading={decide.isPending && decide.variables?.decision === 'approve'}
                  >
                    I agree
                  </Button>
                </>
              )
            )}
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

/**
 * The page a testimonial request link opens. Opening it records nothing, so a mail scanner
 * following the link consents to nothing; the customer's buttons do.
 */
export function TestimonialPage() {
  usePageTitle('May we quote you?', portalSite);
  const { token = '' } = useParams();
  const view = usePublicTestimonial(token);
  let content: ReactNode;
  if (view.isPending) content = <LoadingState variant="block" label="Loading your comment" />;
  else if (view.isError)
    content =
      isApiError(view.error, 'TESTIMONIAL_LINK_NOT_FOUND') || isApiError(view.error, 'VALIDATION_FAILED') ? (
        <Closed title="This link does not work">Check that you opened the whole link from our mail.</Closed>
      ) : (
        <Closed title="Your comment could not be loaded">{errorMessage(view.error)}</Closed>
      );
  else content = <ConsentForm view={view.data} token={token} />;
  return (
    <Box p="md" maw={760} mx="auto" component="main">
      {content}
    </Box>
  );
}
