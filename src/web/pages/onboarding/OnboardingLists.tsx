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
import { IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useCreateOnboardingList, useMembers, useOnboardingLists, usePeople } from '../../api/hooks';
import type { OnboardingListView } from '../../api/types';
import { byName } from '../../search/name-filter';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExplanationText } from '../../ui/ExplanationText';
import { PersonLink } from '../../ui/PersonLink';

// People-to-meet lists: the card a member sees, and the owners' and editors' side that makes them.

/** A people-to-meet list with its progress; `forOthers` names whom it is for. */
export function ListCard({ list: l, forOthers = false }: { list: OnboardingListView; forOthers?: boolean }) {
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
export function ListsForMembers() {
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
              filter={byName}
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
              filter={byName}
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
