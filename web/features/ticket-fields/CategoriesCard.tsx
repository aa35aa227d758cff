import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconArchive,
  IconArchiveOff,
  IconCategory,
  IconDots,
  IconFolderPlus,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Category } from '../../../contracts/tickets';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { useCategories, useCreateCategory, useUpdateCategory } from './ticket-fields.queries';

interface TreeRow {
  category: Category;
  depth: number;
}

/** Categories in tree order: each parent followed by its children, by position then name. */
function treeRows(categories: Category[]): TreeRow[] {
  const byParent = new Map<number | null, Category[]>();
  for (const category of categories) {
    const siblings = byParent.get(category.parentId) ?? [];
    siblings.push(category);
    byParent.set(category.parentId, siblings);
  }
  const ids = new Set(categories.map((c) => c.id));
  const rows: TreeRow[] = [];
  const walk = (parentId: number | null, depth: number) => {
    const children = (byParent.get(parentId) ?? []).sort(
      (a, b) => a.position - b.position || a.name.localeCompare(b.name),
    );
    for (const child of children) {
      rows.push({ category: child, depth });
      walk(child.id, depth + 1);
    }
  };
  walk(null, 0);
  // Children of a parent that is not in the list still show, at the top level.
  for (const category of categories) {
    if (
      category.parentId !== null &&
      !ids.has(category.parentId) &&
      !rows.some((r) => r.category.id === category.id)
    ) {
      rows.push({ category, depth: 0 });
      walk(category.id, 1);
    }
  }
  return rows;
}

function descendantsOf(categories: Category[], id: number): Set<number> {
  const result = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parentId !== null && result.has(c.parentId) && !result.has(c.id)) {
        result.add(c.id);
        grew = true;
      }
    }
  }
  return result;
}

type Editing = { mode: 'create'; parentId: number | null } | { mode: 'edit'; category: Category };

export function CategoriesCard() {
  const categories = useCategories();
  const update = useUpdateCategory();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const all = categories.data ?? [];
  const shown = showArchived ? all : all.filter((c) => !c.archived);
  const rows = treeRows(shown);
  const archivedCount = all.filter((c) => c.archived).length;

  const setArchived = (category: Category, archived: boolean) =>
    update.mutate(
      { id: category.id, body: { archived } },
      {
        onSuccess: () =>
          notifySuccess(
            archived
              ? `“${category.name}” can no longer be picked on tickets. Tickets that have it keep it.`
              : `“${category.name}” can be picked again.`,
            archived ? 'Category archived' : 'Category restored',
          ),
        onError: (error) => notifyError(error),
      },
    );

  return (
    <SectionCard
      title="Categories"
      description="Topics for reporting and routing, such as Billing › Refunds. Archive the ones you no longer use."
      actions={
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ mode: 'create', parentId: null })}
        >
          New category
        </Button>
      }
    >
      {categories.isPending ? (
        <LoadingState variant="block" label="Loading categories" />
      ) : categories.isError ? (
        <ErrorState
          error={categories.error}
          title="Categories could not be loaded"
          onRetry={() => void categories.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconCategory size={22} stroke={1.5} />}
          title="No categories yet"
          description="Add the topics your customers write about, then sub-topics under them."
          action={
            <Button variant="default" onClick={() => setEditing({ mode: 'create', parentId: null })}>
              Add the first category
            </Button>
          }
        />
      ) : (
        <Stack gap="xs">
          {archivedCount > 0 && (
            <Switch
              label={`Show archived (${archivedCount})`}
              checked={showArchived}
              onChange={(event) => setShowArchived(event.currentTarget.checked)}
            />
          )}
          <Box component="ul" p={0} m={0} aria-label="Categories" style={{ listStyle: 'none' }}>
            {rows.map(({ category, depth }) => (
              <Group
                key={category.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                py={6}
                pl={depth * 24}
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <Text
                    fz="sm"
                    fw={depth === 0 ? 600 : 400}
                    c={category.archived ? 'dimmed' : undefined}
                    truncate="end"
                  >
                    {depth > 0 ? '└ ' : ''}
                    {category.name}
                  </Text>
                  {category.archived && (
                    <Badge size="xs" color="gray" variant="light">
                      Archived
                    </Badge>
                  )}
                </Group>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${category.path}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing({ mode: 'edit', category })}
                    >
                      Rename or move…
                    </Menu.Item>
                    {!category.archived && (
                      <Menu.Item
                        leftSection={<IconFolderPlus size={14} />}
                        onClick={() => setEditing({ mode: 'create', parentId: category.id })}
                      >
                        Add a subcategory…
                      </Menu.Item>
                    )}
                    {category.archived ? (
                      <Menu.Item
                        leftSection={<IconArchiveOff size={14} />}
                        onClick={() => setArchived(category, false)}
                      >
                        Restore
                      </Menu.Item>
                    ) : (
                      <Menu.Item
                        color="red"
                        leftSection={<IconArchive size={14} />}
                        onClick={() => setArchived(category, true)}
                      >
                        Archive
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Group>
            ))}
          </Box>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? `Edit “${editing.category.name}”` : 'New category'}
      >
        {editing && <CategoryForm editing={editing} categories={all} onDone={() => setEditing(null)} />}
      </Modal>
    </SectionCard>
  );
}

function CategoryForm({
  editing,
  categories,
  onDone,
}: {
  editing: Editing;
  categories: Category[];
  onDone: () => void;
}) {
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const [formError, setFormError] = useState<string | null>(null);
  const existing = editing.mode === 'edit' ? editing.category : null;
  const form = useForm({
    initialValues: {
      name: existing?.name ?? '',
      parentId: existing
        ? existing.parentId === null
          ? null
          : String(existing.parentId)
        : editing.mode === 'create' && editing.parentId !== null
          ? String(editing.parentId)
          : null,
      position: existing?.position ?? 0,
    } as { name: string; parentId: string | null; position: number | string },
    validate: { name: (value) => (value.trim() ? null : 'Give the category a name') },
  });

  const excluded = existing ? descendantsOf(categories, existing.id) : new Set<number>();
  const parentOptions = categories
    .filter((c) => !c.archived && !excluded.has(c.id))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((c) => ({ value: String(c.id), label: c.path }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = {
      name: values.name.trim(),
      parentId: values.parentId ? Number(values.parentId) : null,
      position: typeof values.position === 'number' ? values.position : 0,
    };
    const handlers = {
      onSuccess: (saved: Category) => {
        notifySuccess(`“${saved.path}” is saved.`, existing ? 'Category saved' : 'Category added');
        onDone();
      },
      onError: (error: unknown) => setFormError(applyServerErrors(form, error)),
    };
    if (existing) update.mutate({ id: existing.id, body }, handlers);
    else create.mutate(body, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Under"
          placeholder="Top level"
          description="Pick a parent to make this a subcategory"
          data={parentOptions}
          searchable
          clearable
          {...form.getInputProps('parentId')}
        />
        <NumberInput
          label="Position"
          description="Lower numbers come first among siblings"
          min={0}
          max={10000}
          {...form.getInputProps('position')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {existing ? 'Save category' : 'Add category'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
