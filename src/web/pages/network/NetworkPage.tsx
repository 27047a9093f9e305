import { Card, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense, useCallback, useMemo, useState } from 'react';
import { useInitiatives, useNetwork, usePathTo } from '../../api/hooks';
import type { NetworkGraph } from '../../api/types';
import { EmptyState } from '../../ui/EmptyState';
import { ExplanationText } from '../../ui/ExplanationText';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';
import { type ColourBy, colouring, GATEKEEPER_RING, HIDDEN_RING, UNKNOWN } from './network-colours';

// sigma and graphology (WebGL) load only when this page is opened.
const NetworkCanvas = lazy(() => import('./NetworkCanvas'));

function PathPanel({ to }: { to: number }) {
  const path = usePathTo(to);
  return (
    <Card withBorder radius="md">
      <Text fw={600} mb={4}>
        Strongest path from you
      </Text>
      <QueryState query={path}>
        {(p) => (
          <Stack gap={4}>
            <Text size="sm">
              {p.people.map((x, i) => (
                <span key={x.id}>
                  {i > 0 && ' → '}
                  <PersonLink id={x.id} name={x.name} />
                </span>
              ))}
            </Text>
            {p.hops
              .flatMap((h) => h.why)
              .map((w) => (
                <Text size="xs" c="dimmed" key={w.text}>
                  <ExplanationText explanation={w} />
                </Text>
              ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function Legend({ graph, by }: { graph: NetworkGraph; by: ColourBy }) {
  const { legend } = useMemo(() => colouring(graph.nodes, by), [graph, by]);
  const hidden = graph.nodes.filter((n) => n.hidden).length;
  const gatekeepers = graph.nodes.filter((n) => n.gatekeeper && !n.hidden).length;
  const loners = useMemo(() => {
    const tied = new Set(graph.ties.flatMap((t) => (t.source === t.target ? [] : [t.source, t.target])));
    return graph.nodes.filter((n) => !tied.has(n.id)).length;
  }, [graph]);
  const entry = (key: string, swatch: ReactNode, label: string, count: number) => (
    <Group gap={6} wrap="nowrap" key={key} data-testid="legend-entry">
      {swatch}
      <Text size="xs">
        <span>{label}</span>{' '}
        <Text span c="dimmed" size="xs">
          {count.toLocaleString()}
        </Text>
      </Text>
    </Group>
  );
  return (
    <Group gap="md" data-testid="network-legend" aria-label="Legend">
      {legend.map((e) =>
        entry(
          e.label,
          <span className="network-swatch" style={{ background: e.colour }} />,
          e.label,
          e.count,
        ),
      )}
      {hidden > 0 &&
        entry(
          'hidden',
          <span className="network-swatch ring" style={{ color: HIDDEN_RING }} />,
          'hidden influencer (ringed)',
          hidden,
        )}
      {gatekeepers > 0 &&
        entry(
          'gatekeeper',
          <span className="network-swatch ring" style={{ color: GATEKEEPER_RING }} />,
          'gatekeeper (ringed)',
          gatekeepers,
        )}
      <Text size="xs" c="dimmed">
        size: network pull (PageRank)
        {loners > 0 &&
          loners < graph.nodes.length &&
          ` · ${loners.toLocaleString()} without a tie: in rows below`}
      </Text>
    </Group>
  );
}

export default function NetworkPage() {
  const initiatives = useInitiatives();
  const [picked, setBy] = useState<ColourBy | null>(null);
  const [initiative, setInitiative] = useState<number | null>(null);
  const [anyDepartment, setAnyDepartment] = useState<boolean | null>(null);
  const canStance = (initiatives.data?.length ?? 0) > 0;
  // Until the user picks: by department when people have one, else by stance when there is an initiative.
  const by: ColourBy = picked ?? (anyDepartment === false && canStance ? 'stance' : 'department');
  const chosen = by === 'stance' ? (initiative ?? initiatives.data?.[0]?.id ?? null) : null;
  const network = useNetwork(chosen);
  if (anyDepartment === null && network.data && !network.isPlaceholderData)
    setAnyDepartment(network.data.nodes.some((n) => n.department !== null));
  const [selected, setSelected] = useState<number | null>(null);
  const onSelect = useCallback((id: number) => setSelected(id), []);
  const colourOf = useMemo(
    () => (network.data ? colouring(network.data.nodes, by).colourOf : () => UNKNOWN),
    [network.data, by],
  );
  return (
    <>
      <PageHeader
        title="Influence network"
        lead="Who sways whom beyond the org chart. Click a person to see your strongest path to them."
      />
      <QueryState query={network}>
        {(g) =>
          g.nodes.length === 0 ? (
            <EmptyState
              icon={<IconAffiliate />}
              title="No network yet"
              action={{ label: 'Import an org chart', to: '/import' }}
            >
              The network is built from reporting lines, declared influence and advice ties, and shared
              meetings. Import an org chart or log interactions with several people at once to see it.
            </EmptyState>
          ) : (
            <Stack gap="sm">
              <Group gap="sm" align="flex-end">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="colour-by">
                    Colour by
                  </Text>
                  <SegmentedControl
                    aria-labelledby="colour-by"
                    value={by}
                    onChange={(v) => setBy(v as ColourBy)}
                    data={[
                      { value: 'department', label: 'Department' },
                      { value: 'stance', label: 'Stance', disabled: !canStance },
                    ]}
                  />
                </Stack>
                {by === 'stance' && (
                  <Select
                    label="Stance on"
                    data={(initiatives.data ?? []).map((i) => ({ value: String(i.id), label: i.name }))}
                    value={chosen === null ? null : String(chosen)}
                    onChange={(v) => v && setInitiative(Number(v))}
                    allowDeselect={false}
                    w={240}
                  />
                )}
              </Group>
              <Legend graph={g} by={by} />
              <Paper withBorder radius="md">
                <Suspense fallback={<Skeleton h={560} />}>
                  <NetworkCanvas graph={g} colourOf={colourOf} onSelect={onSelect} />
                </Suspense>
              </Paper>
              {selected !== null && <PathPanel to={selected} />}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
