import { Card, List, Skeleton, Text, Title } from '@mantine/core';
import { IconChartPie } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { ApiError } from '../../api/client';
import { useCoverage } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { ExplanationText } from '../../ui/ExplanationText';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';

const CoverageChart = lazy(() => import('./CoverageChart'));

export default function PortfolioPage() {
  const coverage = useCoverage();
  const noMe =
    coverage.error instanceof ApiError && coverage.error.status !== 404 && coverage.error.status < 500;
  return (
    <>
      <PageHeader
        title="Portfolio"
        lead="Is your portfolio lopsided? Relationships up, down, across and outside, by tier."
      />
      {noMe ? (
        <EmptyState
          icon={<IconChartPie />}
          title="Place yourself in the org chart first"
          action={{ label: 'Go to People', to: '/people' }}
        >
          Coverage needs to know who you are: open your own page and mark it as you, with your level and
          manager. {coverage.error?.message}
        </EmptyState>
      ) : (
        <QueryState query={coverage}>
          {(c) => (
            <div className="two-one-grid">
              <Card withBorder radius="md">
                <Title order={2} size="h4" mb="sm">
                  Coverage around {c.me.name}
                </Title>
                <Suspense fallback={<Skeleton h={260} />}>
                  <CoverageChart coverage={c} />
                </Suspense>
              </Card>
              <Card withBorder radius="md">
                <Title order={2} size="h4" mb="sm">
                  Gaps
                </Title>
                {c.gaps.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    No gaps: your relationships reach up, down, across and outside.
                  </Text>
                ) : (
                  <List spacing="xs" size="sm">
                    {c.gaps.map((g) => (
                      <List.Item key={g.code + g.text}>
                        <ExplanationText explanation={g} />
                      </List.Item>
                    ))}
                  </List>
                )}
              </Card>
            </div>
          )}
        </QueryState>
      )}
    </>
  );
}
