import { useLocalStorage } from '@mantine/hooks';

/** How replies are written: with formatting (rich text), or as their Markdown source. */
export type EditorKind = 'rich' | 'markdown';

const KEY = 'steward.composer.editor.v1';

const toKind = (raw: string | undefined): EditorKind => (raw === 'markdown' ? 'markdown' : 'rich');

/** The way this browser writes replies; rich text until someone picks the source. */
export function useEditorKind(): [EditorKind, (kind: EditorKind) => void] {
  const [kind, setKind] = useLocalStorage<EditorKind>({
    key: KEY,
    defaultValue: 'rich',
    getInitialValueInEffect: false,
    serialize: (value) => value,
    deserialize: toKind,
  });
  return [kind, setKind];
}
