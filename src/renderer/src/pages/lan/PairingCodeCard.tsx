import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LanStatus, PairingCode } from '@shared/schemas/lan';
import { useCancelPairingCode, useNewPairingCode } from '../../api/lan';
import { pairingUrl } from '../../api/pairing';
import { errorMessage } from '../../i18n/errorMessage';
import { serverNow } from '../../lib/serverClock';
import { QrCode } from '../../print/Barcode';
import { remainingText } from './countdown';

/** The time left on the code, ticking each second on the host's clock (the host decides expiry). */
function Countdown({ expiresAt }: { expiresAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = remainingText(expiresAt, now);
  return (
    <Typography.Text type={left ? undefined : 'danger'} data-testid="lan-code-expires">
      {left ? t('lan.code.expiresIn', { time: left }) : t('lan.code.expired')}
    </Typography.Text>
  );
}

function OpenCode({ pairing, url }: { pairing: PairingCode; url: string | null }) {
  const { t } = useTranslation();
  const link = url && pairingUrl(url, pairing.code);
  return (
    <Flex gap="large" align="center" wrap>
      {link && (
        <div data-testid="lan-code-qr" data-url={link}>
          <QrCode value={link} sizeMm={42} />
        </div>
      )}
      <Flex vertical gap={4}>
        <span className="lan-code" data-testid="lan-code">
          {pairing.code}
        </span>
        <Countdown expiresAt={pairing.expiresAt} />
        <Typography.Text type="secondary" data-testid="lan-code-tries">
          {t('lan.code.triesLeft', { n: pairing.triesLeft })}
        </Typography.Text>
        {link && (
          <>
            <Typography.Text type="secondary" style={{ marginTop: 8, maxWidth: 420 }}>
              {t('lan.code.scan')}
            </Typography.Text>
            <Typography.Text copyable data-testid="lan-code-url">
              {url}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Flex>
  );
}

/** 生成配对码: six digits, big, with its QR code for the first address, a countdown and tries left. */
export function PairingCodeCard({ status }: { status: LanStatus }) {
  const { t } = useTranslation();
  const create = useNewPairingCode();
  const cancel = useCancelPairingCode();
  const error = create.error ?? cancel.error;
  if (!status.running) return <Alert type="info" showIcon title={t('lan.code.notRunning')} />;
  const { pairing } = status;
  return (
    <Flex vertical gap="middle" data-testid="lan-pairing">
      {pairing ? (
        <OpenCode pairing={pairing} url={status.addresses[0]?.url ?? null} />
      ) : (
        <Typography.Text type="secondary">{t('lan.code.none')}</Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} data-testid="lan-code-error" />}
      <Space>
        <Button
          type={pairing ? 'default' : 'primary'}
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="lan-code-new"
        >
          {pairing ? t('lan.code.renew') : t('lan.code.create')}
        </Button>
        {pairing && (
          <Button
            danger
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
            data-testid="lan-code-cancel"
          >
            {t('lan.code.cancel')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
