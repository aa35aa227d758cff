import { Combobox, Group, Text, Textarea, type TextareaProps, useCombobox } from '@mantine/core';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { UserAvatar } from '../../components/UserAvatar';
import { useStaffOptions } from '../users/users.queries';
import { handleOf, rankMentions } from './mentions';

interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** Offer @mentions of colleagues while typing. */
  mentions: boolean;
}

/** The word being typed after an @, or null. */
function mentionAt(value: string, caret: number): string | null {
  const match = /(^|\s)@([\w.+-]*)$/.exec(value.slice(0, caret));
  return match ? (match[2] ?? '') : null;
}

/** A Markdown textarea that completes @mentions (the part of a colleague's email before the @). */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, MentionTextareaProps>(function MentionTextarea(
  { value, onChange, mentions, onKeyDown, ...props },
  ref,
) {
  const inner = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => inner.current as HTMLTextAreaElement);
  const combobox = useCombobox();
  const staff = useStaffOptions(mentions);
  const [query, setQuery] = useState<string | null>(null);

  const options = query === null ? [] : rankMentions(staff.data ?? [], query);

  const update = (next: string, caret: number) => {
    onChange(next);
    if (!mentions) return;
    const found = mentionAt(next, caret);
    setQuery(found);
    if (found !== null) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
  };

  const insert = (handle: string) => {
    const element = inner.current;
    const caret = element?.selectionStart ?? value.length;
    const before = value.slice(0, caret).replace(/@[\w.+-]*$/, `@${handle} `);
    const next = before + value.slice(caret);
    onChange(next);
    setQuery(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(before.length, before.length);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={insert} position="top-start" width={280} withinPortal>
      <Combobox.Target targetType="input">
        <Textarea
          ref={inner}
          value={value}
          onChange={(event) => update(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (combobox.dropdownOpened && options.length > 0 && event.key === 'Escape') {
              event.stopPropagation();
              combobox.closeDropdown();
              return;
            }
            onKeyDown?.(event);
          }}
          onBlur={() => combobox.closeDropdown()}
          {...props}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0}>
        <Combobox.Options aria-label="Mention a colleague">
          {options.map((user) => (
            <Combobox.Option key={user.id} value={handleOf(user.email)}>
              <Group gap="xs" wrap="nowrap">
                <UserAvatar name={user.name} initials={user.initials} size="sm" />
                <div>
                  <Text fz="sm">{user.name}</Text>
                  <Text fz="xs" opacity={0.8}>
                    @{handleOf(user.email)}
                  </Text>
                </div>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
});
