import { Box, Flex } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MailTemplate } from '../../../contracts/mail';
import { confirmAction } from '../../components/ConfirmButton';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useMailTemplates } from './mail.queries';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList, templateLabels } from './TemplateList';

/** The mail Steward sends, grouped by who receives it, with an editor for the chosen one. */
export function TemplatesTab() {
  const templates = useMailTemplates();
  const [params, setParams] = useSearchParams();
  const [dirty, setDirty] = useState(false);

  if (templates.isPending) return <LoadingState variant="block" label="Loading templates" />;
  if (templates.isError) {
    return (
      <ErrorState
        error={templates.error}
        title="Templates could not be loaded"
        onRetry={() => void templates.refetch()}
        retrying={templates.isRefetching}
      />
    );
  }
  const all = templates.data;
  const selected = all.find((t) => t.key === params.get('template')) ?? all[0];
  if (!selected) return null;

  const select = (template: MailTemplate) => {
    if (template.key === selected.key) return;
    const go = () => {
      setDirty(false);
      setParams({ template: template.key }, { replace: true });
    };
    if (!dirty) return go();
    confirmAction({
      title: 'Discard your changes?',
      message: `Your changes to “${templateLabels[selected.key]}” are not saved yet.`,
      confirmLabel: 'Discard changes',
      danger: true,
      onConfirm: go,
    });
  };

  return (
    <Flex direction={{ base: 'column', xl: 'row' }} align={{ base: 'stretch', xl: 'flex-start' }} gap="lg">
      <TemplateList templates={all} selected={selected.key} onSelect={select} />
      <Box miw={0} style={{ flexGrow: 1 }}>
        <TemplateEditor
          key={`${selected.key}:${selected.updatedAt ?? 'default'}`}
          template={selected}
          label={templateLabels[selected.key]}
          onDirtyChange={setDirty}
        />
      </Box>
    </Flex>
  );
}
