import { Button, Checkbox, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCreateOwner } from '../api/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AuthCard } from './AuthCard';

/** A fresh instance: the first visitor becomes the owner. */
export function FirstRun() {
  const create = useCreateOwner();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [demo, setDemo] = useState(false);
  return (
    <AuthCard
      title="Welcome: create the owner"
      lead="This Rapport has no accounts yet. The account you create now owns it and can invite teammates later."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, email, password, demo });
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Your name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            autoFocus
          />
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            autoComplete="username"
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters; not a common password."
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            autoComplete="new-password"
          />
          <Checkbox
            label="Load the sample organisation to look around first"
            checked={demo}
            onChange={(e) => setDemo(e.currentTarget.checked)}
          />
          <ErrorAlert error={create.error} />
          <Button type="submit" loading={create.isPending}>
            Create the owner and start
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
