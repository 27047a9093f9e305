import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Timeline as MTimeline,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeleteInteraction, useEditInteraction, useRestoreInteraction } from '../../api/hooks';
import { INTERACTION_KINDS, type LedgerLine } from '../../api/types';
import { formatDay, signed } from '../../ui/format';
import { PersonLink } from '../../ui/PersonLink';

function Entry({ entry, personId }: { entry: LedgerLine; personId: number }) {
  const edit = useEditInteraction();
  const remove = useDeleteInteraction();
  const restore = useRestoreInteraction();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<string>(entry.kind);
  const [note, setNote] = useState(entry.note ?? '');
  const [shared, setShared] = useState(entry.shared);
  const others = entry.with.filter((p) => p.id !== personId);
  if (editing)
    return (
      <Group gap="xs" align="flex-end">
        <Select
          aria-label="Kind"
          data={[...INTERACTION_KINDS]}
          value={kind}
          onChange={(v) => v && setKind(v)}
          w={170}
          allowDeselect={false}
        />
        <TextInput
          aria-label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Switch label="Shared" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} mb={8} />
        <ActionIcon
          aria-label="Save"
          onClick={() =>
            edit.mutate(
              { id: entry.id, kind, note: note || null, shared },
              { onSuccess: () => setEditing(false) },
            )
          }
        >
          <IconCheck size={16} />
        </ActionIcon>
      </Group>
    );
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text size="sm">
          {entry.note || (
            <Text span c="dimmed">
              no note
            </Text>
          )}
          {others.length > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              with{' '}
              {others.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ', '}
                  <PersonLink id={o.id} name={o.name} />
                </span>
              ))}
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDay(entry.occurredAt)}
          {entry.initiative && ` · ${entry.initiative.name}`}
        </Text>
      </div>
      {/* A teammate's shared entry is theirs: read here, changed only by them. */}
      {entry.author === null && (
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Edit">
            <ActionIcon variant="subtle" size="sm" aria-label="Edit entry" onClick={() => setEditing(true)}>
              <IconPencil size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete (with undo)">
            <ActionIcon
              variant="subtle"
              size="sm"
              color="red"
              aria-label="Delete entry"
              onClick={() =>
                remove.mutate(entry.id, {
                  onSuccess: () =>
                    notifications.show({
                      title: 'Entry deleted',
                      message: (
                        <Button size="compact-xs" variant="light" onClick={() => restore.mutate(entry.id)}>
                          Undo
                        </Button>
                      ),
                      autoClose: 8000,
                    }),
                })
              }
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
    </Group>
  );
}

export function Timeline({ entries, personId }: { entries: LedgerLine[]; personId: number }) {
  if (entries.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Nothing logged yet. Press L to log a meeting, a favour or an ask: the balance and the focus list
        follow.
      </Text>
    );
  return (
    <MTimeline bulletSize={26} lineWidth={2}>
      {entries.map((e) => (
        <MTimeline.Item
          key={e.id}
          bullet={
            <Text size="9px" fw={700}>
              {signed(e.capital)}
            </Text>
          }
          title={
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {e.kind.replace(/-/g, ' ')}
              </Text>
              {e.capital !== 0 && (
                <Badge size="xs" variant="light" color={e.capital > 0 ? 'teal' : 'red'}>
                  {e.capital > 0 ? 'deposit' : 'withdrawal'} {signed(e.capital)}
                </Badge>
              )}
              {e.shared && (
                <Badge size="xs" variant="outline" color="gray">
                  {e.author ? `shared by ${e.author.name}` : 'shared'}
                </Badge>
              )}
            </Group>
          }
        >
          <Stack gap={0}>
            <Entry entry={e} personId={personId} />
          </Stack>
        </MTimeline.Item>
      ))}
    </MTimeline>
  );
}
