import {
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  MultiSelect,
  Paper,
  Select,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsSort, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useBulkEditPeople, useInitiatives, usePeople } from '../../api/hooks';
import { DIRECTIONS, type PersonView, TIER_LABELS } from '../../api/types';
import { search } from '../../search/match';
import { EmptyState } from '../../ui/EmptyState';
import { relative } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';
import { AddPersonModal, categoryOptions, tierOptions } from './AddPersonModal';

const tierColor = { partner: 'indigo', friend: 'teal', acquaintance: 'gray', none: 'gray' } as const;

const columns: ColumnDef<PersonView>[] = [
  {
    id: 'select',
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all"
        checked={table.getIsAllRowsSelected()}
        indeterminate={table.getIsSomeRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select ${row.original.name}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
    size: 40,
    enableSorting: false,
  },
  {
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <div>
        <PersonLink id={row.original.id} name={row.original.name} />
        <Text size="xs" c="dimmed" truncate>
          {[row.original.title, row.original.team].filter(Boolean).join(' · ')}
        </Text>
      </div>
    ),
    size: 260,
  },
  {
    accessorKey: 'tier',
    header: 'Tier',
    cell: ({ getValue }) => {
      const t = getValue<PersonView['tier']>();
      return (
        <Badge variant="light" color={tierColor[t]}>
          {TIER_LABELS[t]}
        </Badge>
      );
    },
    // "ACQUAINTANCE" in capitals: a narrower column cut it short when the table was squeezed.
    minSize: 140,
  },
  {
    accessorKey: 'category',
    header: 'Category',
    cell: ({ getValue }) => getValue<string>().replace('-', ' '),
  },
  { accessorKey: 'direction', header: 'Direction', cell: ({ getValue }) => getValue<string | null>() ?? '—' },
  {
    accessorKey: 'importance',
    header: 'Importance',
    cell: ({ getValue }) => getValue<number | null>()?.toFixed(0) ?? '—',
    sortUndefined: 'last',
  },
  {
    accessorKey: 'balance',
    header: 'Balance',
    cell: ({ getValue }) => {
      const b = getValue<number | null | undefined>();
      return b === null || b === undefined ? '—' : <Text c={b < 0 ? 'red' : undefined}>{b.toFixed(1)}</Text>;
    },
    sortUndefined: 'last',
  },
  {
    accessorKey: 'lastInteractionAt',
    header: 'Last contact',
    cell: ({ getValue, row }) => (
      <Text size="sm" c={row.original.overdue ? 'orange' : undefined}>
        {relative(getValue<string | null>())}
      </Text>
    ),
    sortingFn: 'datetime',
    sortUndefined: 'last',
  },
];

function PeopleTable({ people }: { people: PersonView[] }) {
  const initiatives = useInitiatives();
  const bulk = useBulkEditPeople();
  const [query, setQuery] = useState('');
  const [tiers, setTiers] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [directions, setDirections] = useState<string[]>([]);
  const [initiative, setInitiative] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<RowSelectionState>({});

  const rows = useMemo(() => {
    const filtered = people.filter(
      (p) =>
        (tiers.length === 0 || tiers.includes(p.tier)) &&
        (categories.length === 0 || categories.includes(p.category)) &&
        (directions.length === 0 || (p.direction && directions.includes(p.direction))) &&
        (!initiative || p.initiatives?.includes(Number(initiative))) &&
        (!overdue || p.overdue),
    );
    return query.trim()
      ? search(filtered, query, (p) => `${p.name} ${p.title ?? ''} ${p.team ?? ''}`, filtered.length)
      : filtered;
  }, [people, query, tiers, categories, directions, initiative, overdue]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, rowSelection: selection },
    onSortingChange: setSorting,
    onRowSelectionChange: setSelection,
    getRowId: (p) => String(p.id),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const selected = Object.keys(selection).map(Number);
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtual = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <>
      <Group gap="sm" mb="sm" wrap="wrap" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="Search by name, title, team"
          aria-label="Search people"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={240}
        />
        <MultiSelect label="Tier" data={tierOptions} value={tiers} onChange={setTiers} w={180} clearable />
        <MultiSelect
          label="Category"
          data={categoryOptions}
          value={categories}
          onChange={setCategories}
          w={180}
          clearable
        />
        <MultiSelect
          label="Direction"
          data={[...DIRECTIONS]}
          value={directions}
          onChange={setDirections}
          w={170}
          clearable
        />
        <Select
          label="Initiative"
          data={(initiatives.data ?? []).map((i) => ({ value: String(i.id), label: i.name }))}
          value={initiative}
          onChange={setInitiative}
          w={180}
          clearable
        />
        <Switch
          label="Overdue only"
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {selected.length > 0 && (
        <Paper withBorder p="xs" mb="sm">
          <Group gap="sm">
            <Text size="sm">{selected.length} selected</Text>
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="light">
                  Set tier
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {tierOptions.map((t) => (
                  <Menu.Item
                    key={t.value}
                    onClick={() =>
                      bulk.mutate({ ids: selected, tier: t.value }, { onSuccess: () => setSelection({}) })
                    }
                  >
                    {t.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="light">
                  Set category
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {categoryOptions.map((c) => (
                  <Menu.Item
                    key={c.value}
                    onClick={() =>
                      bulk.mutate({ ids: selected, category: c.value }, { onSuccess: () => setSelection({}) })
                    }
                  >
                    {c.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {bulk.isError && (
              <Text c="red" size="sm">
                {bulk.error.message}
              </Text>
            )}
          </Group>
        </Paper>
      )}
      <Paper withBorder radius="md">
        <div ref={scrollRef} style={{ maxHeight: 'calc(100vh - 260px)', minHeight: 200, overflow: 'auto' }}>
          <Table stickyHeader highlightOnHover verticalSpacing="xs" aria-label="People">
            <Table.Thead>
              {table.getHeaderGroups().map((hg) => (
                <Table.Tr key={hg.id}>
                  {hg.headers.map((h) => (
                    <Table.Th
                      key={h.id}
                      style={{ width: h.getSize(), minWidth: h.column.columnDef.minSize }}
                      aria-sort={
                        h.column.getIsSorted()
                          ? h.column.getIsSorted() === 'asc'
                            ? 'ascending'
                            : 'descending'
                          : undefined
                      }
                    >
                      {h.column.getCanSort() ? (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          color="gray"
                          rightSection={<IconArrowsSort size={14} />}
                          onClick={h.column.getToggleSortingHandler()}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                        </Button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {padTop > 0 && (
                <tr>
                  <td style={{ height: padTop }} />
                </tr>
              )}
              {items.map((v) => {
                const row = tableRows[v.index]!;
                return (
                  <Table.Tr key={row.id} data-testid="person-row">
                    {row.getVisibleCells().map((c) => (
                      <Table.Td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
              {padBottom > 0 && (
                <tr>
                  <td style={{ height: padBottom }} />
                </tr>
              )}
            </Table.Tbody>
          </Table>
          {tableRows.length === 0 && (
            <Text c="dimmed" p="md" ta="center">
              Nobody matches these filters.
            </Text>
          )}
        </div>
      </Paper>
      <Text size="xs" c="dimmed" mt="xs">
        {rows.length} of {people.length} people
      </Text>
    </>
  );
}

export default function PeoplePage() {
  const people = usePeople();
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="People"
        lead="Everyone who matters to your work, with your tier, their importance and your balance."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            Add a person
          </Button>
        }
      />
      <QueryState query={people}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState
              icon={<IconUsers />}
              title="No people yet"
              action={{ label: 'Add your first person', onClick: open }}
            >
              Start with your manager and the five people your work depends on most. You can also import
              contacts, a LinkedIn export or an org chart on the Import page.
            </EmptyState>
          ) : (
            <PeopleTable people={list} />
          )
        }
      </QueryState>
      <AddPersonModal opened={adding} onClose={close} />
    </>
  );
}
