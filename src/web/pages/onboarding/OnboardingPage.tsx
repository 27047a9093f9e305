import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconListCheck, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import {
  useCreateOnboardingList,
  useMembers,
  useOnboarding,
  useOnboardingLists,
  usePeople,
  useSession,
} from '../../api/hooks';
import type { OnboardingListView, PersonName } from '../../api/types';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExplanationText } from '../../ui/ExplanationText';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';

function Names({ people }: { people: PersonName[] }) {
  if (people.length === 0)
    return (
      <Text size="sm" c="dimmed">
        nobody yet
      </Text>
    );
  return (
    <Text size="sm">
      {people.map((p, i) => (
        <span key={p.id}>
          {i > 0 && ', '}
          <PersonLink id={p.id} name={p.name} />
        </span>
      ))}
    </Text>
  );
}

/** A people-to-meet list with its progress; `forOthers` names whom it is for. */
function ListCard({ list: l, forOthers = false }: { list: OnboardingListView; forOthers?: boolean }) {
  const { met, total } = l.progress;
  return (
    <Card withBorder data-testid="onboarding-list">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {l.name}
          {forOthers && (
            <Text span size="sm" c="dimmed">
              {' '}
              · for {l.member.name}
            </Text>
          )}
        </Title>
        <Text size="sm">
          {met} of {total} met
        </Text>
      </Group>
      <Progress value={(100 * met) / Math.max(1, total)} mb="sm" aria-label={`${met} of ${total} met`} />
      <Stack gap={4}>
        {l.items.map((i) => (
          <Group key={i.person.id} gap="xs">
            <Badge size="xs" color={i.met ? 'teal' : 'gray'}>
              {i.met ? 'met' : 'to meet'}
            </Badge>
            <PersonLink id={i.person.id} name={i.person.name} />
            {i.why && (
              <Text size="xs" c="dimmed">
                {i.why}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
      {l.suggestions.length > 0 && (
        <Stack gap={2} mt="sm">
          <Text size="xs" fw={600}>
            The list misses
          </Text>
          {l.suggestions.slice(0, 5).map((s) => (
            <Text size="xs" c="dimmed" key={s.person.id}>
              <ExplanationText explanation={s.reason} />
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** For owners and editors: the lists made for members, and a form to make one. */
function ListsForMembers() {
  const lists = useOnboardingLists();
  const members = useMembers();
  const people = usePeople();
  const create = useCreateOnboardingList();
  const [member, setMember] = useState<string | null>(null);
  const [who, setWho] = useState<string | null>(null);
  const [toMeet, setToMeet] = useState<string[]>([]);
  const [name, setName] = useState('');
  const personOptions = (people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Lists for new members
      </Title>
      <Stack gap="sm">
        {(lists.data ?? []).map((l) => (
          <ListCard key={l.id} list={l} forOthers />
        ))}
        <form
          aria-label="Make a people-to-meet list"
          onSubmit={(e) => {
            e.preventDefault();
            if (!member) return;
            create.mutate(
              {
                member,
                ...(name.trim() ? { name } : {}),
                ...(who ? { person: Number(who) } : {}),
                items: toMeet.map((id) => ({ person: Number(id) })),
              },
              {
                onSuccess: () => {
                  setToMeet([]);
                  setName('');
                },
              },
            );
          }}
        >
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label="For"
              placeholder="a member"
              data={(members.data ?? []).map((m) => ({ value: m.email, label: m.name ?? m.email }))}
              value={member}
              onChange={setMember}
              w={180}
            />
            <Select
              label="Who they are"
              placeholder="in the org chart"
              data={personOptions}
              value={who}
              onChange={setWho}
              searchable
              clearable
              w={200}
            />
            <MultiSelect
              label="People to meet"
              placeholder="pick people"
              data={personOptions}
              value={toMeet}
              onChange={setToMeet}
              searchable
              w={280}
            />
            <TextInput
              label="Name"
              placeholder="First month"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={160}
            />
            <Button
              type="submit"
              leftSection={<IconListCheck size={16} />}
              loading={create.isPending}
              disabled={!member}
            >
              Make the list
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
        </form>
      </Stack>
    </Card>
  );
}

export default function OnboardingPage() {
  const session = useSession();
  const canWrite = session.data !== undefined && session.data.workspace.role !== 'viewer';
  const onboarding = useOnboarding();
  return (
    <>
      <PageHeader
        title="Onboarding"
        lead="You in the middle, your partners up, down, left, right and outside; the lists made for you."
      />
      <QueryState query={onboarding}>
        {(o) => (
          <Stack gap="lg">
            {o.lists.map((l) => (
              <ListCard key={l.id} list={l} />
            ))}
            {!o.me ? (
              <EmptyState
                icon={<IconRoute />}
                title="Place yourself first"
                action={{ label: 'Go to People', to: '/people' }}
              >
                Mark yourself on your own page, with your manager and level: onboarding shows who is above,
                below and beside you.
              </EmptyState>
            ) : (
              <Stack gap="lg">
                <div className="onboarding-compass">
                  <Card withBorder className="up">
                    <Text fw={600}>Up</Text>
                    <Names people={o.partners.up} />
                  </Card>
                  <Card withBorder className="left">
                    <Text fw={600}>Across</Text>
                    <Names people={o.partners.across} />
                  </Card>
                  <Card withBorder className="me" bg="var(--mantine-primary-color-light)">
                    <Text fw={700} ta="center">
                      {o.me.name}
                    </Text>
                  </Card>
                  <Card withBorder className="right">
                    <Text fw={600}>Outside</Text>
                    <Names people={o.partners.outside} />
                  </Card>
                  <Card withBorder className="down">
                    <Text fw={600}>Down</Text>
                    <Names people={o.partners.down} />
                  </Card>
                </div>
                <Card withBorder>
                  <Title order={2} size="h4" mb="xs">
                    People your lists miss
                  </Title>
                  {o.suggestions.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No suggestions: your lists cover those below you, your peers, the assistants of key
                      leaders and hidden influencers.
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {o.suggestions.map((s) => (
                        <Text size="sm" key={s.person.id}>
                          <ExplanationText explanation={s.reason} />
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Card>
              </Stack>
            )}
            {canWrite && <ListsForMembers />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
