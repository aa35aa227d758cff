import { Typography } from '@mantine/core';
import classes from './MessageBody.module.css';

/**
 * A message as the server rendered it. `html` is the server's sanitised rendering of the
 * message's Markdown; nothing else may be put into the page as HTML. Quoted mail history
 * arrives folded in `details.quoted-history`.
 */
export function MessageBody({ html }: { html: string }) {
  return (
    <Typography
      className={classes.body}
      fz="sm"
      style={{ overflowWrap: 'anywhere' }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server for exactly this use
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
