import { IconCompass } from '@tabler/icons-react';
import { EmptyState } from '../ui/EmptyState';

export function NotFound() {
  return (
    <EmptyState
      icon={<IconCompass />}
      title="Nothing lives at this address"
      action={{ label: 'Back to this week', to: '/' }}
    >
      The link may be old, or the person or initiative was removed. Press Ctrl+K to find anyone by name.
    </EmptyState>
  );
}
