import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Text } from '@mantine/core';
import type { LedgerLine } from '../../api/types';
import { balanceSeries } from './balance-series';

export default function BalanceChart({
  entries,
  halfLifeDays,
}: {
  entries: LedgerLine[];
  halfLifeDays: number;
}) {
  const data = balanceSeries(entries, halfLifeDays, new Date());
  // A flat line on an axis of 0–4 says nothing the balance above does not: say what starts it.
  if (data.every((d) => d.balance === 0))
    return (
      <Text size="sm" c="dimmed" data-testid="balance-chart-empty">
        The chart starts with your first deposit or withdrawal with them (a meeting alone moves nothing).
      </Text>
    );
  return (
    <LineChart
      h={180}
      data={data}
      dataKey="day"
      series={[{ name: 'balance', label: 'Balance', color: 'indigo.6' }]}
      curveType="monotone"
      withDots={false}
      referenceLines={[{ y: 0, color: 'gray.5' }]}
      xAxisProps={{ minTickGap: 40 }}
      aria-label="Balance over the last six months"
    />
  );
}
