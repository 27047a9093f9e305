import { Input, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { MapEntry } from '../../api/types';
import { ExplanationText } from '../../ui/ExplanationText';
import { PersonLink } from '../../ui/PersonLink';

type OnMove = (e: MapEntry, influence: number, stance: number) => void;

function NumberCell({
  entry,
  what,
  value,
  min,
  onChange,
}: {
  entry: MapEntry;
  what: 'Influence' | 'Stance';
  value: number;
  min: number;
  onChange: (v: number) => void;
}) {
  return (
    <Input
      size="xs"
      className="map-list-number"
      type="number"
      min={min}
      max={100}
      defaultValue={value}
      aria-label={`${what} of ${entry.person.name}`}
      onBlur={(ev) => {
        const v = Number(ev.currentTarget.value);
        if (v !== value) onChange(v);
      }}
    />
  );
}

/**
 * Keyboard and screen-reader access to the map: every person with their numbers, editable.
 * Only the rows in view are in the page (TanStack Virtual): a 500-person map mounted 500 rows of
 * links, inputs and sentences, most of its first render (bench/web-pages.ts). Tab still walks
 * every row: the next row is always rendered and scrolls into view when focused. Plain number
 * inputs, not NumberInput (a formatter and two steppers each). Narrow, the movement goes under
 * the name instead of in a fourth column, so the list never scrolls sideways.
 */
export function MapList({ entries, onMove }: { entries: MapEntry[]; onMove: OnMove }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 8,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} className="map-list">
      <Table
        stickyHeader
        verticalSpacing={4}
        aria-label="People on this map"
        aria-rowcount={entries.length + 1}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th>Person</Table.Th>
            <Table.Th>Influence</Table.Th>
            <Table.Th>Stance</Table.Th>
            <Table.Th className="map-list-move-col">Movement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={4} style={{ height: padTop, padding: 0 }} />
            </tr>
          )}
          {items.map((v) => {
            const e = entries[v.index]!;
            const movement = (
              <Text size="xs" c="dimmed">
                <ExplanationText explanation={e.trendNote} />
              </Text>
            );
            return (
              <Table.Tr
                // New numbers from the server (a drag, an undo) remount the row with them.
                key={`${e.person.id}:${e.influence}:${e.stance}`}
                data-index={v.index}
                ref={virtual.measureElement}
                aria-rowindex={v.index + 2}
              >
                <Table.Td className="map-list-person">
                  <PersonLink id={e.person.id} name={e.person.name} />
                  <div className="map-list-move-inline">{movement}</div>
                </Table.Td>
                <Table.Td>
                  <NumberCell
                    entry={e}
                    what="Influence"
                    value={e.influence}
                    min={0}
                    onChange={(x) => onMove(e, x, e.stance)}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberCell
                    entry={e}
                    what="Stance"
                    value={e.stance}
                    min={-100}
                    onChange={(x) => onMove(e, e.influence, x)}
                  />
                </Table.Td>
                <Table.Td className="map-list-move-col">{movement}</Table.Td>
              </Table.Tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={4} style={{ height: padBottom, padding: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
