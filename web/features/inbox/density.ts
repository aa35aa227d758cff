import { useLocalStorage } from '@mantine/hooks';
import { useMe } from '../../app/session';

/** How much room each row of the ticket list takes. */
export type Density = 'comfortable' | 'compact';

const PREFIX = 'steward.inbox.density.v1';

function toDensity(raw: string | undefined): Density {
  return raw === 'compact' ? 'compact' : 'comfortable';
}

/** The signed-in agent's density for the ticket list, kept in this browser. */
export function useInboxDensity(): [Density, (density: Density) => void] {
  const me = useMe();
  const [density, setDensity] = useLocalStorage<Density>({
    key: `${PREFIX}.${me.id}`,
    defaultValue: 'comfortable',
    getInitialValueInEffect: false,
    serialize: (value) => value,
    deserialize: toDensity,
  });
  return [density, setDensity];
}
