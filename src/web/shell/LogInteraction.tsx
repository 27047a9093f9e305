import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useLog, usePeople } from '../api/hooks';
import { INTERACTION_KINDS, type InteractionKind } from '../api/types';
import { byName } from '../search/name-filter';

const kindOptions = INTERACTION_KINDS.map((k) => ({ value: k, label: k.replace(/-/g, ' ') }));

/**
 * Log an interaction in a few keys: L, type a few letters of the name, Enter to pick, Enter to
 * log (a meeting unless another kind is chosen).
 */
export function LogInteraction({
  opened,
  personId,
  onClose,
}: {
  opened: boolean;
  personId?: number;
  onClose: () => void;
}) {
  const people = usePeople(opened);
  const log = useLog();
  const [person, setPerson] = useState<string | null>(null);
  const [kind, setKind] = useState<InteractionKind>('meeting');
  const [note, setNote] = useState('');
  const [shared, setShared] = useState(false);
  const noteRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (opened) {
      setPerson(personId ? String(personId) : null);
      setKind('meeting');
      setNote('');
    }
  }, [opened, personId]);

  const options = (people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  const submit = () => {
    if (!person) return;
    log.mutate(
      { people: [Number(person)], kind, note: note.trim() || null, shared },
      {
        onSuccess: () => {
          const name = options.find((o) => o.value === person)?.label ?? 'them';
          notifications.show({
            color: 'teal',
            title: 'Logged',
            message: `${kind.replace(/-/g, ' ')} with ${name}`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Log an interaction" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="With"
            placeholder="Type a name"
            data={options}
            value={person}
            onChange={(v) => {
              setPerson(v);
              if (v) setTimeout(() => noteRef.current?.focus(), 0);
            }}
            searchable
            selectFirstOptionOnChange
            filter={byName}
            nothingFoundMessage="Nobody by that name yet: add them on the People page"
            data-autofocus
            required
          />
          <Select
            label="What happened"
            data={kindOptions}
            value={kind}
            onChange={(v) => v && setKind(v as InteractionKind)}
            allowDeselect={false}
          />
          <TextInput
            ref={noteRef}
            label="Note"
            placeholder="Optional: what you talked about"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Switch
            label="Share with the workspace"
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
          {log.isError && <div role="alert">{log.error.message}</div>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!person} loading={log.isPending}>
              Log it
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
