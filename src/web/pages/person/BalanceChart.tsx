import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
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
