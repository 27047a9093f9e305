import { Button, Group, Modal, NumberInput, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useEditPerson } from '../../api/hooks';
import type { Category, PersonDetail, Tier } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TierCategoryFields } from '../people/AddPersonModal';

/** Profile, interests and communication preferences, tier and cadence: one form. */
export function EditProfileModal({
  person,
  opened,
  onClose,
}: {
  person: PersonDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const edit = useEditPerson();
  const [title, setTitle] = useState(person.title ?? '');
  const [team, setTeam] = useState(person.team ?? '');
  const [tier, setTier] = useState<Tier>(person.tier);
  const [category, setCategory] = useState<Category>(person.category);
  const [cadence, setCadence] = useState<number | ''>(person.cadenceDays ?? '');
  const [interests, setInterests] = useState(person.interests);
  const [communication, setCommunication] = useState(person.communication ?? '');
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${person.name}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          edit.mutate(
            {
              id: person.id,
              title: title || null,
              team: team || null,
              tier,
              category,
              cadenceDays: cadence === '' ? null : cadence,
              interests,
              communication: communication || null,
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <TextInput label="Team" value={team} onChange={(e) => setTeam(e.currentTarget.value)} />
          </Group>
          <Group grow>
            <TierCategoryFields tier={tier} category={category} onTier={setTier} onCategory={setCategory} />
            <NumberInput
              label="Care cadence (days)"
              placeholder="the tier's"
              value={cadence}
              min={1}
              onChange={(v) => setCadence(v === '' ? '' : Number(v))}
            />
          </Group>
          <TagsInput
            label="Interests"
            description="Common ground: press Enter after each"
            value={interests}
            onChange={setInterests}
          />
          <Textarea
            label="Communication preferences"
            placeholder="e.g. short written updates before meetings"
            value={communication}
            onChange={(e) => setCommunication(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ErrorAlert error={edit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={edit.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
