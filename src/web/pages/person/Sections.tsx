import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import {
  useAddNote,
  useAddPlanStep,
  useAsk,
  useCompleteStep,
  useNotes,
  usePlans,
  usePrep,
} from '../../api/hooks';
import { ASK_SIZES, type AskSize, type PersonDetail, STRATEGIES } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExplanationText } from '../../ui/ExplanationText';
import { formatDay, relative, signed, todayIso } from '../../ui/format';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

export function Notes({ personId }: { personId: number }) {
  const notes = useNotes(personId);
  const add = useAddNote();
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  return (
    <Section title="Notes">
      <QueryState query={notes}>
        {(list) => (
          <Stack gap="xs">
            {list.length === 0 && (
              <Text size="sm" c="dimmed">
                No notes. Private notes are yours alone; shared ones the workspace sees.
              </Text>
            )}
            {list.map((n) => (
              <div key={n.id} data-testid="note">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {n.author} · {formatDay(n.createdAt)} ·{' '}
                  <Badge size="xs" variant="light" color={n.shared ? 'teal' : 'gray'}>
                    {n.shared ? 'shared' : 'private'}
                  </Badge>
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </QueryState>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate({ personId, body, shared }, { onSuccess: () => setBody('') });
        }}
      >
        <Stack gap="xs" mt="sm">
          <Textarea
            aria-label="New note"
            placeholder="Add a note…"
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="space-between">
            <Switch
              size="sm"
              label="Share with the workspace"
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
            <Button size="xs" type="submit" loading={add.isPending}>
              Add note
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </Stack>
      </form>
    </Section>
  );
}

export function Assessments({ person }: { person: PersonDetail }) {
  return (
    <Section title="On the maps">
      {person.assessments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not assessed on any initiative. Place them on a <Link to="/map">stakeholder map</Link> to track
          where they stand.
        </Text>
      ) : (
        // One initiative a line, its numbers under its name: the card is a third of the page,
        // and a four-column table ran past its edge at 1,366 px.
        <Stack gap={6} data-testid="person-assessments">
          {person.assessments.map((a) => (
            <div key={a.initiative.id}>
              <Link className="person-link" to={`/map/${a.initiative.id}`}>
                {a.initiative.name}
              </Link>
              <Text size="xs" c="dimmed">
                influence {a.influence} · stance{' '}
                <Text span size="xs" c={a.stance < 0 ? 'red' : a.stance > 0 ? 'teal' : undefined}>
                  {signed(a.stance)}
                </Text>{' '}
                · {relative(a.assessedAt)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function Plans({ personId }: { personId: number }) {
  const plans = usePlans(personId);
  const add = useAddPlanStep();
  const done = useCompleteStep();
  const [strategy, setStrategy] = useState<string>('proactive');
  const [step, setStep] = useState('');
  const [due, setDue] = useState(todayIso());
  return (
    <Section title="Improvement plan">
      <QueryState query={plans}>
        {(list) => (
          <Stack gap={6}>
            {list.length === 0 && (
              <Text size="sm" c="dimmed">
                No steps yet. Pick a strategy and a first small step with a date.
              </Text>
            )}
            {list.map((s) => (
              <Group key={s.id} justify="space-between" wrap="nowrap">
                <Text size="sm" td={s.doneAt ? 'line-through' : undefined}>
                  {s.step}{' '}
                  <Text span size="xs" c="dimmed">
                    ({s.strategy}, due {formatDay(s.due)})
                  </Text>
                </Text>
                {!s.doneAt && (
                  <Button size="compact-xs" variant="light" onClick={() => done.mutate(s.id)}>
                    Done
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (step.trim()) add.mutate({ personId, strategy, step, due }, { onSuccess: () => setStep('') });
        }}
      >
        <Group gap="xs" mt="sm" align="flex-end" wrap="wrap">
          <Select
            aria-label="Strategy"
            data={[...STRATEGIES]}
            value={strategy}
            onChange={(v) => v && setStrategy(v)}
            w={150}
            allowDeselect={false}
          />
          <TextInput
            aria-label="Step"
            placeholder="Next step"
            value={step}
            onChange={(e) => setStep(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 160 }}
          />
          <TextInput
            aria-label="Due"
            type="date"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            w={150}
          />
          <Button size="sm" type="submit" loading={add.isPending}>
            Add
          </Button>
        </Group>
        <ErrorAlert error={add.error} />
      </form>
    </Section>
  );
}

export function AskCheckPanel({ personId }: { personId: number }) {
  const [size, setSize] = useState<AskSize>('medium');
  const [asked, setAsked] = useState(false);
  const ask = useAsk(personId, size, asked);
  const verdictColor = {
    go: 'teal',
    'build-first': 'orange',
    'go-via': 'indigo',
    'not-now': 'gray',
    'not-worth-it': 'red',
  } as const;
  return (
    <Section title="Pick your battles: ask check">
      <Group gap="xs">
        <SegmentedControl
          size="xs"
          data={[...ASK_SIZES]}
          value={size}
          onChange={(v) => setSize(v as AskSize)}
          aria-label="Size of the ask"
        />
        <Button size="xs" variant="light" onClick={() => setAsked(true)}>
          Check
        </Button>
      </Group>
      {asked && (
        <QueryState query={ask}>
          {(a) => (
            <Stack gap={4} mt="sm">
              <Group gap="xs">
                <Badge color={verdictColor[a.verdict]}>{a.verdict.replace(/-/g, ' ')}</Badge>
                <Text size="sm">
                  balance {signed(a.balanceBefore)} → {signed(a.balanceAfter)}
                </Text>
              </Group>
              <Text size="sm">
                <ExplanationText explanation={a.reason} />
              </Text>
              {a.allies.length > 0 && (
                <Text size="xs" c="dimmed">
                  Who could carry it:{' '}
                  {a.allies.map((al, i) => (
                    <span key={al.person.id}>
                      {i > 0 && ', '}
                      <PersonLink id={al.person.id} name={al.person.name} /> ({signed(al.balance)})
                    </span>
                  ))}
                </Text>
              )}
            </Stack>
          )}
        </QueryState>
      )}
    </Section>
  );
}

/** The CLI's `prep`: what to know before meeting them, shown as its sections. */
export function Prep({ personId }: { personId: number }) {
  const [open, setOpen] = useState(false);
  const prep = usePrep(personId, open);
  return (
    <Section
      title="Prep for a meeting"
      actions={
        !open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            Prepare
          </Button>
        )
      }
    >
      {!open ? (
        <Text size="sm" c="dimmed">
          Before you meet: interests, open plan steps, your balance, where they stand and what you last talked
          about.
        </Text>
      ) : (
        <QueryState query={prep}>
          {(p) => (
            <Stack gap={4}>
              {Object.entries(p).map(([k, v]) => (
                <Text size="sm" key={k}>
                  <Text span fw={600}>
                    {k}:{' '}
                  </Text>
                  {typeof v === 'object' ? JSON.stringify(v) : String(v)}
                </Text>
              ))}
            </Stack>
          )}
        </QueryState>
      )}
    </Section>
  );
}
