import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Select,
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
  useRemoveMember,
  useRevokeToken,
  useSaveSettings,
  useSession,
  useSetMember,
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

const ROLES = [
  { value: 'owner', label: 'owner' },
  { value: 'editor', label: 'editor (reads and writes)' },
  { value: 'viewer', label: 'viewer (reads)' },
];

/** Members and roles; an owner adds users by email, changes roles and takes members out. */
function Members() {
  const members = useMembers();
  const session = useSession();
  const setMember = useSetMember();
  const remove = useRemoveMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('editor');
  const owner = session.data?.workspace.role === 'owner';
  const failed = setMember.error ?? remove.error;
  return (
    <Stack gap="sm" maw={720}>
      {owner && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (email.trim())
              setMember.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail('') });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Add a member by email"
              description="They need an account (rapport user add) first."
              placeholder="teo@example.com"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Select
              label="Role"
              aria-label="Role of the new member"
              data={ROLES}
              value={role}
              onChange={(v) => v && setRole(v)}
              allowDeselect={false}
              w={250}
            />
            <Button type="submit" loading={setMember.isPending}>
              Add
            </Button>
          </Group>
        </form>
      )}
      {failed && <ErrorAlert error={failed} />}
      <QueryState query={members}>
        {(list) => (
          <Table.ScrollContainer minWidth={360}>
            <Table aria-label="Members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Role</Table.Th>
                  {owner && <Table.Th />}
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
                      {owner ? (
                        <Select
                          aria-label={`Role of ${m.email}`}
                          data={ROLES.map((r) => r.value)}
                          value={m.role}
                          onChange={(v) => v && v !== m.role && setMember.mutate({ email: m.email, role: v })}
                          allowDeselect={false}
                          size="xs"
                          w={120}
                        />
                      ) : (
                        <Badge variant="light">{m.role}</Badge>
                      )}
                    </Table.Td>
                    {owner && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${m.email}`}
                          onClick={() => remove.mutate(m.id)}
                        >
                          Remove
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
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
