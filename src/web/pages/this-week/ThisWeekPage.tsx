import { ActionIcon, Badge, Button, Card, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarWeek, IconMessagePlus, IconUsersPlus } from '@tabler/icons-react';
import { useFocus, useNurture, usePeople, useUpcomingSteps } from '../../api/hooks';
import type { FocusItem } from '../../api/types';
import { useOpenLog } from '../../shell/log-context';
import { EmptyState } from '../../ui/EmptyState';
import { ExplanationText } from '../../ui/ExplanationText';
import { formatDay, relative } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';

const kindLabel: Record<FocusItem['kind'], { label: string; color: string }> = {
  'plan-step': { label: 'Plan step due', color: 'grape' },
  convert: { label: 'To convert', color: 'red' },
  'at-risk': { label: 'At risk', color: 'pink' },
  'stance-drop': { label: 'Stance dropped', color: 'orange' },
  'overdrawn-champion': { label: 'Give back', color: 'lime' },
  'never-engaged': { label: 'Never met alone', color: 'violet' },
  'tier-mismatch': { label: 'Check the tier', color: 'indigo' },
  thanks: { label: 'Thank-you owed', color: 'teal' },
  deposit: { label: 'Deposit first', color: 'green' },
  'overdue-partner': { label: 'Overdue partner', color: 'yellow' },
  attention: { label: 'Attention', color: 'blue' },
  'next-stage': { label: 'Next step', color: 'cyan' },
  'stale-assessments': { label: 'Stale assessments', color: 'gray' },
};

function FocusCard({ item }: { item: FocusItem }) {
  const openLog = useOpenLog();
  const k = kindLabel[item.kind];
  return (
    <Card withBorder padding="md" radius="md" data-testid="focus-item">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={k.color} variant="light">
              {k.label}
            </Badge>
            {item.initiative && (
              <Text size="xs" c="dimmed">
                {item.initiative.name}
              </Text>
            )}
          </Group>
          <Text fw={600}>
            <ExplanationText explanation={item.action} />
          </Text>
          <List size="sm" c="dimmed" spacing={2}>
            {item.why.map((w) => (
              <List.Item key={w.code + w.text}>
                <ExplanationText explanation={w} />
              </List.Item>
            ))}
          </List>
        </Stack>
        {item.person !== null && (
          <Tooltip label={`Log an interaction with ${item.person.name}`}>
            <ActionIcon
              variant="light"
              size="lg"
              onClick={() => openLog(item.person?.id)}
              aria-label={`Log with ${item.person.name}`}
            >
              <IconMessagePlus size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Card>
  );
}

function Overdue() {
  const nurture = useNurture();
  const openLog = useOpenLog();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        Overdue relationships
      </Title>
      <QueryState query={nurture}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed" size="sm">
              Nobody is past their care cadence. Tiers set the cadence: trusted partners every 14 days,
              friends 30, acquaintances 90.
            </Text>
          ) : (
            <Stack gap="xs">
              {list.slice(0, 8).map((n) => (
                <Group key={n.person.id} justify="space-between" wrap="nowrap" data-testid="overdue-item">
                  <div style={{ minWidth: 0 }}>
                    <PersonLink id={n.person.id} name={n.person.name} />
                    <Text size="xs" c="dimmed">
                      {n.overdueDays} days overdue ·{' '}
                      {n.countedFrom === 'one-to-one'
                        ? `last one-to-one ${relative(n.lastOneToOneAt)}`
                        : n.countedFrom === 'group'
                          ? 'last seen in a small meeting'
                          : 'never met alone'}
                      {n.lastInteractionAt &&
                      n.countedFrom !== 'group' &&
                      n.lastInteractionAt !== n.lastOneToOneAt
                        ? ` · last seen ${relative(n.lastInteractionAt)}`
                        : ''}
                    </Text>
                  </div>
                  <ActionIcon
                    variant="subtle"
                    onClick={() => openLog(n.person.id)}
                    aria-label={`Log with ${n.person.name}`}
                  >
                    <IconMessagePlus size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function UpcomingSteps() {
  const steps = useUpcomingSteps();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        Upcoming plan steps
      </Title>
      <QueryState query={steps}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed" size="sm">
              No open steps. Add an improvement plan on a person's page: empathize, be proactive, communicate
              better or build the personal connection.
            </Text>
          ) : (
            <Stack gap="xs">
              {list.slice(0, 8).map((s) => (
                <div key={s.id}>
                  <Text size="sm">
                    <PersonLink id={s.person.id} name={s.person.name} />: {s.step}
                  </Text>
                  <Text size="xs" c="dimmed">
                    due {formatDay(s.due)} · {s.strategy}
                  </Text>
                </div>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function StaleAssessments({ items }: { items: FocusItem[] }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        Stale assessments
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Every map is fresh. Assessments go stale after a while; revisit the map when they do.
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((i) => (
            <Text size="sm" key={i.action.text}>
              <ExplanationText explanation={i.action} />
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function ThisWeekPage() {
  const focus = useFocus();
  // Only an empty focus list asks whether there is anybody at all (to teach the first step):
  // the people list is the slowest answer on a large workspace and this page need not wait on it.
  const people = usePeople(focus.data !== undefined && focus.data.length === 0);
  const openLog = useOpenLog();
  if (people.data && people.data.length === 0)
    return (
      <>
        <PageHeader title="This week" />
        <EmptyState
          icon={<IconUsersPlus />}
          title="Start with the people who matter to your work"
          action={{ label: 'Add people', to: '/people' }}
        >
          Add your manager, your team and the stakeholders of your initiatives, or import a contacts or
          org-chart file from the Import page. Then log your interactions: this page will tell you, every
          week, whom to see and why.
        </EmptyState>
      </>
    );
  return (
    <>
      <PageHeader
        title="This week"
        lead="Your few actions that matter most, and why."
        actions={
          <Button leftSection={<IconMessagePlus size={16} />} variant="light" onClick={() => openLog()}>
            Log an interaction (L)
          </Button>
        }
      />
      <div className="two-one-grid">
        <Stack gap="sm" data-testid="focus-list">
          <Title order={2} size="h4">
            Focus
          </Title>
          <QueryState query={focus}>
            {(items) => {
              const actions = items.filter((i) => i.kind !== 'stale-assessments');
              return actions.length === 0 ? (
                <EmptyState icon={<IconCalendarWeek />} title="Nothing pressing">
                  Focus fills in as you assess people on an initiative's map, set tiers and log interactions.
                </EmptyState>
              ) : (
                actions.map((i) => <FocusCard key={`${i.kind}-${i.person?.id}-${i.action.text}`} item={i} />)
              );
            }}
          </QueryState>
        </Stack>
        <Stack gap="lg">
          <Overdue />
          <StaleAssessments items={(focus.data ?? []).filter((i) => i.kind === 'stale-assessments')} />
          <UpcomingSteps />
        </Stack>
      </div>
    </>
  );
}
