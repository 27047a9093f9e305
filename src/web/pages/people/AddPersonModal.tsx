import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useAddPerson } from '../../api/hooks';
import { CATEGORIES, type Category, TIER_LABELS, TIERS, type Tier } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';

export const tierOptions = TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }));
export const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: c.replace('-', ' ') }));

/** The tier and category pickers of a person's forms. */
export function TierCategoryFields(props: {
  tier: Tier;
  category: Category;
  onTier: (t: Tier) => void;
  onCategory: (c: Category) => void;
}) {
  return (
    <>
      <Select
        label="Tier"
        data={tierOptions}
        value={props.tier}
        onChange={(v) => v && props.onTier(v as Tier)}
        allowDeselect={false}
      />
      <Select
        label="Category"
        data={categoryOptions}
        value={props.category}
        onChange={(v) => v && props.onCategory(v as Category)}
        allowDeselect={false}
      />
    </>
  );
}

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const add = useAddPerson();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [tier, setTier] = useState<Tier>('acquaintance');
  const [category, setCategory] = useState<Category>('stakeholder');
  const reset = () => {
    setName('');
    setTitle('');
    setEmail('');
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a person">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { name, title: title || null, emails: email ? [email] : [], tier, category },
            {
              onSuccess: () => {
                reset();
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Group grow>
            <TierCategoryFields tier={tier} category={category} onTier={setTier} onCategory={setCategory} />
          </Group>
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
