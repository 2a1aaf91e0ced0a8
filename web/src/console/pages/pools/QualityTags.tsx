import { Tag, Typography } from 'antd';
import type { Timeliness } from '../../../api/pools-quality.ts';
import { isMessageKey, useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { qualityColor } from '../catalog/QualityPanel.tsx';

/** A score 0–100 in its level's colour (80 and up green, 60 and up amber, else red). */
export function ScoreTag({ score }: { score: number }) {
  return (
    <Tag color={qualityColor(score)} style={{ marginInlineEnd: 0, minWidth: 36, textAlign: 'center' }}>
      {score}
    </Tag>
  );
}

/** A share in percent, or a dash when nothing was measured. */
export function Share({ value }: { value: number | null }) {
  const { t } = useI18n();
  if (value === null)
    return <Typography.Text type="secondary">{t('poolQuality.notMeasured')}</Typography.Text>;
  return <span style={{ color: value < 60 ? '#c8102e' : undefined }}>{value}%</span>;
}

/** On time, not judged (cycle 其他), or overdue in red with its days. */
export function TimelinessTag({ quality }: { quality: Timeliness }) {
  const { t } = useI18n();
  if (quality.overdue) {
    const text =
      quality.daysOverdue > 0
        ? t('poolQuality.overdue', { days: quality.daysOverdue })
        : t('poolQuality.overdueToday');
    return (
      <Tag color="red" data-testid="overdue-tag">
        {text}
      </Tag>
    );
  }
  if (quality.timeliness === null) return <Tag>{t('poolQuality.notJudged')}</Tag>;
  return <Tag color="green">{t('poolQuality.onTime')}</Tag>;
}

/** The label of an update-cycle code. */
export function cycleKey(code: string): MessageKey {
  const key = `poolQuality.cycle.${code}`;
  return isMessageKey(key) ? key : 'poolQuality.cycle.other';
}
