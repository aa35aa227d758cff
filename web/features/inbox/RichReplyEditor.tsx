// The reply's rich text editor: Tiptap through Mantine, loaded only when a reply is written
// (Composer.tsx loads it lazily), with its styles. The text stays Markdown, the server's format.
import '@mantine/tiptap/styles.css';
import { RichTextEditor } from '@mantine/tiptap';
import Image from '@tiptap/extension-image';
import { Markdown } from '@tiptap/markdown';
import { type Editor, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

/** The keys the composer listens to (Ctrl+Enter sends, Escape closes, Alt+M picks a macro), from either editor. */
export type EditorKey = Pick<
  KeyboardEvent,
  'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'preventDefault'
>;

/** What the composer asks of either editor. */
export interface ReplyEditorHandle {
  /** Puts a picture in the text where the caret is. */
  insertImage(src: string, alt: string): void;
}

export interface RichReplyEditorProps {
  /** Markdown. */
  value: string;
  onChange: (markdown: string) => void;
  label: string;
  placeholder: string;
  disabled?: boolean;
  /** Put the caret in the text once the editor is ready. */
  autoFocus?: boolean;
  /** Files pasted or dropped in. */
  onFiles: (files: File[]) => void;
  onKeyDown: (event: EditorKey) => void;
}

const filesOf = (list: FileList | null | undefined): File[] => [...(list ?? [])];

/** A rich text editor whose value is Markdown. */
export const RichReplyEditor = forwardRef<ReplyEditorHandle, RichReplyEditorProps>(function RichReplyEditor(
  { value, onChange, label, placeholder, disabled = false, autoFocus = false, onFiles, onKeyDown },
  ref,
) {
  // The latest callbacks, for the editor built once.
  const handlers = useRef({ onChange, onFiles, onKeyDown });
  handlers.current = { onChange, onFiles, onKeyDown };
  const written = useRef(value);

  const editor = useEditor({
    immediatelyRender: true,
    editable: !disabled,
    autofocus: autoFocus ? 'end' : false,
    extensions: [
      StarterKit.configure({ link: { openOnClick: false, autolink: true } }),
      Image.configure({ inline: false, allowBase64: false }),
      Markdown,
    ],
    content: value,
    contentType: 'markdown',
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-placeholder': placeholder,
        role: 'textbox',
        'aria-multiline': 'true',
      },
      handleKeyDown: (_view, event) => {
        handlers.current.onKeyDown(event);
        return event.defaultPrevented;
      },
      handlePaste: (_view, event) => {
        const files = filesOf(event.clipboardData?.files);
        if (files.length === 0) return false;
        event.preventDefault();
        handlers.current.onFiles(files);
        return true;
      },
      handleDrop: (_view, event) => {
        const files = filesOf(event.dataTransfer?.files);
        if (files.length === 0) return false;
        event.preventDefault();
        handlers.current.onFiles(files);
        return true;
      },
    },
    onUpdate: ({ editor: changed }: { editor: Editor }) => {
      const markdown = changed.getMarkdown();
      written.current = markdown;
      handlers.current.onChange(markdown);
    },
  });

  // A value from outside (a draft put back after Undo) replaces the text.
  useEffect(() => {
    if (!editor || value === written.current) return;
    written.current = value;
    editor.commands.setContent(value, { contentType: 'markdown', emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  useImperativeHandle(
    ref,
    () => ({
      insertImage: (src, alt) => editor?.chain().focus().setImage({ src, alt }).run(),
    }),
    [editor],
  );

  return (
    <RichTextEditor editor={editor} variant="subtle" style={{ minHeight: 120 }}>
      <RichTextEditor.Toolbar>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Strikethrough />
          <RichTextEditor.Code />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
          <RichTextEditor.Blockquote />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content mah={320} style={{ overflowY: 'auto' }} />
    </RichTextEditor>
  );
});
