import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../api/settlements';
import { formatDateTime } from '../../../lib/format';

/** Every close and reopen of the day, with when, who and why. */
export function DayHistory({ history }: { history: DayReport['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) {
    return <Typography.Text type="secondary">{t('settlements.dayClose.none')}</Typography.Text>;
  }
  return (
    <Timeline
      data-testid="day-history"
      items={history.map((h) => ({
        key: `${h.action}-${h.at}`,
        color: h.action === 'close' ? 'green' : 'orange',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)} · {h.by ?? t('common.system')}
            </Typography.Text>
            <span>
              {t(`dayCloseActions.${h.action}`)}
              {h.reason && ` · ${h.reason}`}
            </span>
          </Flex>
        ),
      }))}
    />
  );
}
