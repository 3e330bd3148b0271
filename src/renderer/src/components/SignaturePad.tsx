import { useEffect, useRef } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import SignaturePadEngine from 'signature_pad';
import { useTranslation } from 'react-i18next';
import './signaturePad.css';

/**
 * 客户签名 on screen: the customer signs with a mouse, a pen or a finger (signature_pad handles
 * pointer events, pressure-smoothed strokes). The canvas is drawn at the screen's pixel ratio so a
 * tablet's signature stays sharp on paper. `onChange` gets the PNG as a data URL after each stroke,
 * or null once cleared; the parent keeps it and sends it with the save.
 */
export function SignaturePad({
  onChange,
  testId,
  height = 160,
}: {
  onChange: (dataUrl: string | null) => void;
  testId: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadEngine | null>(null);
  // The pad's listener is set once; it calls the latest onChange through this ref.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = Math.round(canvas.offsetWidth * ratio);
    canvas.height = Math.round(canvas.offsetHeight * ratio);
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePadEngine(canvas, { penColor: '#111', minWidth: 0.8, maxWidth: 2.6 });
    pad.addEventListener('endStroke', () => changed.current(pad.isEmpty() ? null : pad.toDataURL()));
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    changed.current(null);
  };

  return (
    <Flex vertical gap={4} className="signature-pad" data-testid={testId}>
      <canvas
        ref={canvasRef}
        className="signature-pad__canvas"
        style={{ height }}
        aria-label={t('handover.signHere')}
        data-testid={`${testId}-canvas`}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('handover.signHere')}</Typography.Text>
        <Button size="small" icon={<ClearOutlined />} onClick={clear} data-testid={`${testId}-clear`}>
          {t('handover.clearSignature')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** A stored signature as an image (the order's page, the hand-over). */
export function SignatureImage({ dataUrl, testId }: { dataUrl: string; testId: string }) {
  return <img className="signature-pad__image" src={dataUrl} alt="" data-testid={testId} />;
}
