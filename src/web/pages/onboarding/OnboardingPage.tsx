import { Card, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useOnboarding, useSession } from '../../api/hooks';
import type { OnboardingView } from '../../api/types';
import { EmptyState } from '../../ui/EmptyState';
import { ExplanationText } from '../../ui/ExplanationText';
import { PageHeader } from '../../ui/PageHeader';
import { PersonLink } from '../../ui/PersonLink';
import { QueryState } from '../../ui/QueryState';
import { ListCard, ListsForMembers } from './OnboardingLists';

function Names({ people }: { people: OnboardingView['partners']['up'] }) {
  if (people.length === 0)
    return (
      <Text size="sm" c="dimmed">
        nobody yet
      </Text>
    );
  return (
    <Text size="sm">
      {people.map(({ person, nextTo }, i) => (
        <span key={person.id}>
          {i > 0 && ', '}
          <PersonLink id={person.id} name={person.name} />
          {nextTo && (
            <>
              {' (next to '}
              <PersonLink id={nextTo.id} name={nextTo.name} />)
            </>
          )}
        </span>
      ))}
    </Text>
  );
}

export default function OnboardingPage() {
  const session = useSession();
  const canWrite = session.data !== undefined && session.data.workspace.role !== 'viewer';
  const onboarding = useOnboarding();
  return (
    <>
      <PageHeader
        title="Onboarding"
        lead="You in the middle, your partners up, down, left, right and outside; the lists made for you."
      />
      <QueryState query={onboarding}>
        {(o) => (
          <Stack gap="lg">
            {o.lists.map((l) => (
              <ListCard key={l.id} list={l} />
            ))}
            {!o.me ? (
              <EmptyState
                icon={<IconRoute />}
                title="Place yourself first"
                action={{ label: 'Go to People', to: '/people' }}
              >
                Mark yourself on your own page, with your manager and level: onboarding shows who is above,
                below and beside you.
              </EmptyState>
            ) : (
              <Stack gap="lg">
                <div className="onboarding-compass">
                  <Card withBorder className="up">
                    <Text fw={600}>Up</Text>
                    <Names people={o.partners.up} />
                  </Card>
                  <Card withBorder className="left">
                    <Text fw={600}>Across</Text>
                    <Names people={o.partners.across} />
                  </Card>
                  <Card withBorder className="me" bg="var(--mantine-primary-color-light)">
                    <Text fw={700} ta="center">
                      {o.me.name}
                    </Text>
                  </Card>
                  <Card withBorder className="right">
                    <Text fw={600}>Outside</Text>
                    <Names people={o.partners.outside} />
                  </Card>
                  <Card withBorder className="down">
                    <Text fw={600}>Down</Text>
                    <Names people={o.partners.down} />
                  </Card>
                </div>
                <Card withBorder>
                  <Title order={2} size="h4" mb="xs">
                    People your lists miss
                  </Title>
                  {o.suggestions.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No suggestions: your lists cover those below you, your peers, the assistants of key
                      leaders and hidden influencers.
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {o.suggestions.map((s) => (
                        <Text size="sm" key={s.person.id}>
                          <ExplanationText explanation={s.reason} />
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Card>
              </Stack>
            )}
            {canWrite && <ListsForMembers />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
