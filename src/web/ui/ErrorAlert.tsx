import { Alert } from '@mantine/core';

/** A failed write's message (the API's, which names the input and the fix), or nothing. */
export function ErrorAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" mt="xs" role="alert">
      {error.message}
    </Alert>
  );
}
