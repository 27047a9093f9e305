import { Alert, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Loading and error states of a read, so a page renders only with its data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending)
    return (
      <Stack align="center" p="xl">
        <Loader size="sm" aria-label="Loading" />
      </Stack>
    );
  if (query.isError)
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="Could not load this">
        {query.error.message}
      </Alert>
    );
  return <>{children(query.data)}</>;
}
