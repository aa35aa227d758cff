import { Typography } from '@mantine/core';

/**
 * A message as the server rendered it. `html` is the server's sanitised rendering of the
 * message's Markdown; nothing else may be put into the page as HTML.
 */
export function MessageBody({ html }: { html: string }) {
  return (
    <Typography
      fz="sm"
      style={{ overflowWrap: 'anywhere' }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server for exactly this use
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
