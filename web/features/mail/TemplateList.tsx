import { Badge, Flex, NavLink, Paper, Text } from '@mantine/core';
import { type MailTemplate, type TemplateKey, templateLabels } from '../../../contracts/mail';

export { templateLabels };

const audiences = [
  { audience: 'customer', label: 'To customers' },
  { audience: 'agent', label: 'To agents' },
] as const;

/**
 * The templates by who receives them: a column beside the editor on wide screens, two rows
 * above it on narrower ones, so the editor and its preview keep their width.
 */
export function TemplateList({
  templates,
  selected,
  onSelect,
}: {
  templates: MailTemplate[];
  selected: TemplateKey;
  onSelect: (template: MailTemplate) => void;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      w={{ base: '100%', xl: 230 }}
      style={{ flexShrink: 0 }}
      component="nav"
      aria-label="Templates"
    >
      <Flex direction="column" gap={{ base: 4, xl: 'sm' }}>
        {audiences.map(({ audience, label }) => (
          <Flex
            key={audience}
            direction={{ base: 'row', xl: 'column' }}
            align={{ base: 'center', xl: 'stretch' }}
            wrap="wrap"
            gap={{ base: 4, xl: 0 }}
          >
            <Text
              fz="xs"
              fw={700}
              c="dimmed"
              tt="uppercase"
              px="sm"
              py={4}
              w={{ base: 150, xl: 'auto' }}
              style={{ whiteSpace: 'nowrap' }}
            >
              {label}
            </Text>
            {templates
              .filter((t) => t.audience === audience)
              .map((template) => (
                <NavLink
                  key={template.key}
                  component="button"
                  type="button"
                  label={templateLabels[template.key]}
                  active={template.key === selected}
                  aria-current={template.key === selected ? 'page' : undefined}
                  onClick={() => onSelect(template)}
                  variant="light"
                  w={{ base: 'auto', xl: '100%' }}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  rightSection={<TemplateState template={template} />}
                />
              ))}
          </Flex>
        ))}
      </Flex>
    </Paper>
  );
}

function TemplateState({ template }: { template: MailTemplate }) {
  if (!template.enabled) {
    return (
      <Badge size="xs" color="gray" variant="light" tt="none">
        Off
      </Badge>
    );
  }
  if (!template.isDefault) {
    return (
      <Badge size="xs" variant="light" tt="none">
        Edited
      </Badge>
    );
  }
  return null;
}
