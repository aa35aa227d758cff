import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timeZones } from '../app/format';

type TimezoneSelectProps = Omit<SelectProps, 'data' | 'searchable'>;

/** A searchable list of every IANA timezone the browser knows. */
export function TimezoneSelect({ label = 'Timezone', ...props }: TimezoneSelectProps) {
  const data = useMemo(() => {
    const zones = timeZones();
    const current = typeof props.value === 'string' ? props.value : null;
    return current && !zones.includes(current) ? [current, ...zones] : zones;
  }, [props.value]);
  return (
    <Select
      label={label}
      searchable
      data={data}
      limit={100}
      nothingFoundMessage="No timezone by that name"
      allowDeselect={false}
      {...props}
    />
  );
}
