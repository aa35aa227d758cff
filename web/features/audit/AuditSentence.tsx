import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../contracts/audit';
import { useMe } from '../../app/session';
import { entityHref } from './audit.links';

function Actor({ actor }: { actor: AuditEntry['actor'] }) {
  const me = useMe();
  const href =
    actor.type === 'user' && actor.id ? entityHref({ type: 'user', id: String(actor.id) }, me.role) : null;
  const name = href ? (
    <Anchor component={Link} to={href} fw={600} inherit>
      {actor.name}
    </Anchor>
  ) : (
    <Text span fw={600} inherit>
      {actor.name}
    </Text>
  );
  if (actor.type === 'user') return name;
  return (
    <>
      {name}{' '}
      <Badge size="xs" variant="outline" color="gray" tt="none" component="span">
        {actor.type === 'token' ? 'API token' : 'System'}
      </Badge>
    </>
  );
}

/** An entry as a sentence: who, then what they did, the things it names linked where the viewer may go. */
export function AuditSentence({ entry }: { entry: AuditEntry }) {
  const me = useMe();
  return (
    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
      <Actor actor={entry.actor} />{' '}
      {entry.summary.map((segment, i) => {
        const href = segment.entity ? entityHref(segment.entity, me.role) : null;
        return href ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
          <Anchor key={i} component={Link} to={href} inherit>
            {segment.text}
          </Anchor>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{segment.text}</span>
        );
      })}
    </Text>
  );
}
