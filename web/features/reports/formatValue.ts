import type { ReportFigure } from '../../../contracts/reports';

/** A KPI as it reads on a card: percent with one decimal, hours (minutes under one), scores, counts. */
export function formatValue(value: number | null, unit: ReportFigure['unit']): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value.toFixed(1)} %`;
  if (unit === 'hours') return value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`;
  if (unit === 'ratio' || unit === 'score') return value.toFixed(2);
  return value.toLocaleString('en', { maximumFractionDigits: 1 });
}
