import { Badge, Card, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useNetwork, usePathTo } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { ExplanationText } from '../../ui/ExplanationText';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';

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

export default function NetworkPage() {
  const network = useNetwork();
  const [selected, setSelected] = useState<number | null>(null);
  const onSelect = useCallback((id: number) => setSelected(id), []);
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
              <Group gap="xs">
                <Badge color="teal">supporter</Badge>
                <Badge color="yellow">neutral</Badge>
                <Badge color="red">detractor</Badge>
                <Badge color="violet">hidden influencer</Badge>
                <Badge color="blue">gatekeeper</Badge>
                <Text size="xs" c="dimmed">
                  size: network pull (PageRank)
                </Text>
              </Group>
              <Paper withBorder radius="md">
                <Suspense fallback={<Skeleton h={560} />}>
                  <NetworkCanvas graph={g} onSelect={onSelect} />
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
