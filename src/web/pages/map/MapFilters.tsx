import { Chip, Group, Select, Switch, TextInput } from '@mantine/core';
import type { Quadrant } from '../../api/types';
import type { MapFilter } from './map-filters';

const GROUPS: [Quadrant, string][] = [
  ['champion', 'Champions'],
  ['ally', 'Allies'],
  ['neutral', 'Neutral'],
  ['monitor', 'Monitor'],
  ['convert', 'Convert'],
];

/** Which people the map shows: quadrants, department, movement and a name; kept in the URL. */
export function MapFilters({
  filter,
  departments,
  onChange,
}: {
  filter: MapFilter;
  departments: string[];
  onChange: (f: MapFilter) => void;
}) {
  return (
    <Group gap="sm" aria-label="Map filters" role="group">
      <Chip.Group
        multiple
        value={filter.groups}
        onChange={(v) => onChange({ ...filter, groups: v as Quadrant[] })}
      >
        <Group gap={4}>
          {GROUPS.map(([q, label]) => (
            <Chip key={q} value={q} size="xs" variant="outline">
              {label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Select
        aria-label="Department"
        placeholder="Any department"
        data={departments}
        value={filter.department}
        onChange={(v) => onChange({ ...filter, department: v })}
        clearable
        searchable
        size="xs"
        w={180}
      />
      <Switch
        size="xs"
        label="Moved lately"
        checked={filter.moved}
        onChange={(e) => onChange({ ...filter, moved: e.currentTarget.checked })}
      />
      <TextInput
        aria-label="Find on the map"
        placeholder="Find a name"
        size="xs"
        w={160}
        value={filter.q}
        onChange={(e) => onChange({ ...filter, q: e.currentTarget.value })}
      />
    </Group>
  );
}
