import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  useCreateToken,
  useMembers,
  useRevokeToken,
  useSaveSettings,
  useSession,
  useSettings,
  useTokens,
} from '../../api/hooks';
import type { SettingsView } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDay, relative } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';

function Cadences({ settings }: { settings: SettingsView }) {
  const save = useSaveSettings();
  const [draft, setDraft] = useState(settings);
  const num = (v: string | number) => Number(v) || 0;
  return (
    <Card withBorder radius="md" maw={640}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Care cadences and thresholds
        </Title>
        <Group grow>
          <NumberInput
            label="Trusted partner (days)"
            value={draft.cadences.partner}
            min={1}
            onChange={(v) => setDraft({ ...draft, cadences: { ...draft.cadences, partner: num(v) } })}
          />
          <NumberInput
            label="Friend (days)"
            value={draft.cadences.friend}
            min={1}
            onChange={(v) => setDraft({ ...draft, cadences: { ...draft.cadences, friend: num(v) } })}
          />
          <NumberInput
            label="Acquaintance (days)"
            value={draft.cadences.acquaintance}
            min={1}
            onChange={(v) => setDraft({ ...draft, cadences: { ...draft.cadences, acquaintance: num(v) } })}
          />
        </Group>
        <Group grow>
          <NumberInput
            label="Balance half-life (days)"
            value={draft.halfLifeDays}
            min={1}
            onChange={(v) => setDraft({ ...draft, halfLifeDays: num(v) })}
          />
          <NumberInput
            label="Stale after (days)"
            value={draft.thresholds.staleDays}
            min={1}
            onChange={(v) => setDraft({ ...draft, thresholds: { ...draft.thresholds, staleDays: num(v) } })}
          />
        </Group>
        <Group grow>
          <NumberInput
            label="High influence from"
            value={draft.thresholds.influence}
            min={0}
            max={100}
            onChange={(v) => setDraft({ ...draft, thresholds: { ...draft.thresholds, influence: num(v) } })}
          />
          <NumberInput
            label="Takes a side from ±"
            value={draft.thresholds.stance}
            min={0}
            max={100}
            onChange={(v) => setDraft({ ...draft, thresholds: { ...draft.thresholds, stance: num(v) } })}
          />
        </Group>
        <ErrorAlert error={save.error} />
        <Group>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
            Save
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="teal">
              Saved
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function Members() {
  const members = useMembers();
  return (
    <QueryState query={members}>
      {(list) => (
        <Table maw={640} aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              <Table.Th>Role</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {m.name ?? m.email}{' '}
                  <Text span size="xs" c="dimmed">
                    {m.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{m.role}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

function Tokens() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  return (
    <Stack gap="sm" maw={640}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate({ name }, { onSuccess: () => setName('') });
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label="New token for a script"
            placeholder="e.g. calendar sync"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </form>
      {create.data?.token && (
        <Alert color="teal" title="Copy it now: it is shown only once">
          <Code>{create.data.token}</Code>
        </Alert>
      )}
      <QueryState query={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tokens. Scripts send one as Authorization: Bearer …
            </Text>
          ) : (
            <Table aria-label="API tokens">
              <Table.Tbody>
                {list.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>created {formatDay(t.createdAt)}</Table.Td>
                    <Table.Td>used {relative(t.lastUsedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        onClick={() => revoke.mutate(t.id)}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}

export default function SettingsPage() {
  const settings = useSettings();
  const session = useSession();
  return (
    <>
      <PageHeader title="Settings" />
      <Tabs defaultValue="rapport" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rapport">Cadences</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="tokens">API tokens</Tabs.Tab>
          <Tabs.Tab value="account">Account</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rapport">
          <QueryState query={settings}>{(s) => <Cadences settings={s} />}</QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <Members />
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <Tokens />
        </Tabs.Panel>
        <Tabs.Panel value="account">
          {session.data && (
            <Card withBorder maw={640}>
              <Text>{session.data.user.email}</Text>
              <Text size="sm" c="dimmed">
                {session.data.workspace.name} · {session.data.workspace.role}
              </Text>
            </Card>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
