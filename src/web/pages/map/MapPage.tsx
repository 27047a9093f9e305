import { Button, Card, Group, Paper, Select, Slider, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMap2, IconPlus } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  useAddInitiative,
  useAssess,
  useAssessmentHistory,
  useInitiatives,
  useMap,
  usePeople,
  useUndoAssessment,
} from '../../api/hooks';
import type { Assessment, MapEntry, MapView } from '../../api/types';
import { byName } from '../../search/name-filter';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDay, signed } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { type MapFileFormat, mapFileUrl } from './export';
import { MapFilters } from './MapFilters';
import { MapList } from './MapList';
import { filterFromParams, filterMap, filterToParams } from './map-filters';
import { StakeholderMap } from './StakeholderMap';

function AddInitiative({ onAdded }: { onAdded: (id: number) => void }) {
  const add = useAddInitiative();
  const [name, setName] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) add.mutate({ name }, { onSuccess: (i) => onAdded(i.id) });
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput
          label="New initiative"
          placeholder="e.g. Checkout redesign"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending}>
          Add
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </form>
  );
}

function InitiativeMap({ id, map: whole, history }: { id: number; map: MapView; history: Assessment[] }) {
  const people = usePeople();
  const assess = useAssess();
  const undo = useUndoAssessment();
  const [showTrails, setShowTrails] = useState(true);
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const departmentOf = useMemo(() => {
    const byId = new Map((people.data ?? []).map((p) => [p.id, p.department ?? null]));
    return (personId: number) => byId.get(personId) ?? null;
  }, [people.data]);
  const departments = useMemo(
    () => [...new Set((people.data ?? []).map((p) => p.department).filter((d): d is string => !!d))].sort(),
    [people.data],
  );
  const map = useMemo(() => filterMap(whole, filter, departmentOf), [whole, filter, departmentOf]);
  const entries = useMemo(() => Object.values(map.quadrants).flat(), [map]);
  // The list below the map renders after the map is on the screen: its rows (links, inputs,
  // sentences) cost more than the map's 500 people and it starts below the fold.
  const listed = useDeferredValue(entries, []);
  const everyone = Object.values(whole.quadrants).flat();
  const onMap = new Set(everyone.map((e) => e.person.id));
  const trails = useMemo(() => {
    const byPerson = new Map<number, Assessment[]>();
    // ISO timestamps order as strings; localeCompare (a collator) cost most of this for 1,000.
    const sorted = [...history].sort((p, q) =>
      p.assessedAt < q.assessedAt ? -1 : p.assessedAt > q.assessedAt ? 1 : 0,
    );
    for (const a of sorted) {
      if (map.at && a.assessedAt > map.at) continue;
      const path = byPerson.get(a.personId);
      if (path) path.push(a);
      else byPerson.set(a.personId, [a]);
    }
    return byPerson;
  }, [history, map.at]);

  const save = (person: number, name: string, influence: number, stance: number) =>
    assess.mutate(
      { person, initiative: id, influence, stance },
      {
        onSuccess: (a) =>
          notifications.show({
            title: `${name} re-assessed`,
            message: (
              <Group gap="xs">
                <Text size="sm">
                  influence {influence}, stance {signed(stance)}
                </Text>
                <Button size="compact-xs" variant="light" onClick={() => undo.mutate(a.id)}>
                  Undo
                </Button>
              </Group>
            ),
            autoClose: 8000,
          }),
        onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: err.message }),
      },
    );

  const saving = useRef(save);
  saving.current = save;
  const onMove = useCallback(
    (e: MapEntry, influence: number, stance: number) =>
      saving.current(e.person.id, e.person.name, influence, stance),
    [],
  );

  const notPlaced = (people.data ?? [])
    .filter((p) => !onMap.has(p.id))
    .map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Select
            aria-label="Place a person on this map"
            placeholder="Place a person…"
            data={notPlaced}
            searchable
            filter={byName}
            value={null}
            onChange={(v) => {
              const p = people.data?.find((x) => String(x.id) === v);
              if (p) save(p.id, p.name, 50, 0);
            }}
            w={220}
            disabled={map.at !== null}
          />
          <Switch
            label="Trails"
            checked={showTrails}
            onChange={(e) => setShowTrails(e.currentTarget.checked)}
          />
        </Group>
        <Group gap="xs">
          {(
            [
              ['png', 'PNG'],
              ['svg', 'SVG'],
              ['excalidraw', 'Excalidraw'],
            ] as [MapFileFormat, string][]
          ).map(([format, label]) => (
            <Button
              key={format}
              size="xs"
              variant="default"
              component="a"
              href={mapFileUrl(map.initiative.id, map.at, format)}
              download
              leftSection={<IconDownload size={14} />}
            >
              {label}
            </Button>
          ))}
        </Group>
      </Group>
      {everyone.length > 0 && (
        <MapFilters
          filter={filter}
          departments={departments}
          onChange={(f) => setParams(filterToParams(f), { replace: true })}
        />
      )}
      {everyone.length > 0 && entries.length < everyone.length && (
        <Text size="xs" c="dimmed" data-testid="map-filter-count">
          Showing {entries.length} of {everyone.length} people.
        </Text>
      )}
      <Paper withBorder radius="md" p="xs">
        {everyone.length === 0 ? (
          <EmptyState icon={<IconMap2 />} title="Nobody on this map yet">
            Place the people who can make or break {map.initiative.name} with the picker above, then drag each
            one to where they stand: up for more influence, right for supporters, left for detractors.
          </EmptyState>
        ) : (
          <StakeholderMap
            map={map}
            trails={trails}
            showTrails={showTrails}
            editable={map.at === null}
            onMove={onMove}
          />
        )}
      </Paper>
      {listed.length > 0 && (
        <Card withBorder radius="md">
          <MapList entries={listed} onMove={onMove} />
        </Card>
      )}
    </Stack>
  );
}

function TimeSlider({
  history,
  at,
  onChange,
}: {
  history: Assessment[];
  at: string | null;
  onChange: (at: string | null) => void;
}) {
  const first = history.reduce(
    (min, a) => (a.assessedAt < min ? a.assessedAt : min),
    new Date().toISOString(),
  );
  const start = new Date(first.slice(0, 10)).getTime();
  const today = new Date(new Date().toISOString().slice(0, 10)).getTime();
  const span = Math.max(1, Math.round((today - start) / 86_400_000));
  const value = at ? Math.round((new Date(at).getTime() - start) / 86_400_000) : span;
  if (span <= 1) return null;
  return (
    <Stack gap={4} mb="md">
      <Text size="sm">{at ? `As it stood on ${formatDay(at)}` : 'Now'}</Text>
      <Slider
        aria-label="As it stood on"
        min={0}
        max={span}
        value={value}
        label={(v) => formatDay(new Date(start + v * 86_400_000).toISOString())}
        onChangeEnd={(v) =>
          onChange(v >= span ? null : new Date(start + v * 86_400_000).toISOString().slice(0, 10))
        }
      />
    </Stack>
  );
}

export default function MapPage() {
  const params = useParams();
  const navigate = useNavigate();
  const initiatives = useInitiatives();
  const current = params.initiative ? Number(params.initiative) : (initiatives.data?.[0]?.id ?? null);
  const [at, setAt] = useState<string | null>(null);
  const map = useMap(current, at);
  const history = useAssessmentHistory(current);
  const [adding, { toggle }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Stakeholder map"
        lead="Where each person stands on an initiative: drag to re-assess, every change is kept."
        actions={
          <>
            {initiatives.data && initiatives.data.length > 0 && (
              <Select
                aria-label="Initiative"
                data={initiatives.data.map((i) => ({ value: String(i.id), label: i.name }))}
                value={current ? String(current) : null}
                onChange={(v) => {
                  setAt(null);
                  if (v) navigate(`/map/${v}`);
                }}
                allowDeselect={false}
                w={220}
              />
            )}
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={toggle}>
              Initiative
            </Button>
          </>
        }
      />
      {adding && (
        <Card withBorder mb="md">
          <AddInitiative onAdded={(id) => navigate(`/map/${id}`)} />
        </Card>
      )}
      <QueryState query={initiatives}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState icon={<IconMap2 />} title="Map your first initiative">
              An initiative is any change you need others to back: a launch, a reorganisation, a budget. Add
              one, then place the people who can make or break it.
              <Stack mt="md" align="center">
                <AddInitiative onAdded={(id) => navigate(`/map/${id}`)} />
              </Stack>
            </EmptyState>
          ) : current === null ? null : (
            <>
              {history.data && <TimeSlider history={history.data} at={at} onChange={setAt} />}
              <QueryState query={map}>
                {(m) => <InitiativeMap id={current} map={m} history={history.data ?? []} />}
              </QueryState>
            </>
          )
        }
      </QueryState>
    </>
  );
}
