import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { optionalStockReason, stockReason, type StockDocument } from '@shared/schemas/stock';
import { useAdjustStock, usePostStock } from '../../../api/stock';
import { problemText, useFormRules } from '../../../components/formRules';
import { PartPicker } from '../../../components/PartPicker';
import { TextInput } from '../../../components/TextInput';
import { showFieldErrors } from '../../../components/formErrors';
import { lineErrorsOf, type LineError } from '../stockErrors';
import { SupplierSelect } from '../suppliers/SupplierSelect';
import { CountLoader } from './CountLoader';
import { DocumentLines } from './DocumentLines';
import {
  draftPart,
  lineChange,
  lineProblem,
  newLine,
  reasonRequired,
  takesSupplier,
  toInput,
  type DraftHeader,
  type DraftLine,
  type DraftPart,
  type ManualKind,
  wholeOf,
} from './draft';
import { errorMessage } from '../../../i18n/errorMessage';

interface DraftStart {
  supplierId?: string | null;
  lines: DraftLine[];
}

/** For a count: how many lines gain, lose or match, before anything is posted. */
function CountSummary({ lines }: { lines: DraftLine[] }) {
  const { t } = useTranslation();
  const changes = lines.map((l) => lineChange('count', l));
  const gain = changes.filter((c) => c !== null && c > 0).length;
  const loss = changes.filter((c) => c !== null && c < 0).length;
  const same = changes.filter((c) => c === 0).length;
  const open = changes.filter((c) => c === null).length;
  return (
    <Typography.Text type="secondary" data-testid="count-summary">
      {t('stock.count.summary', { gain, loss, same, open })}
    </Typography.Text>
  );
}

/**
 * A new 入库 / 退货 / 报损 / 盘点 / 调整 document: the header (supplier, reason), parts picked by
 * search or barcode scan, the figures per line. Posting is final; a mistake is reversed later.
 */
export function DocumentEditor({ kind, start }: { kind: ManualKind; start: DraftStart }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useFormRules();
  const [form] = Form.useForm<DraftHeader>();
  const [lines, setLines] = useState<DraftLine[]>(start.lines);
  const [errors, setErrors] = useState<ReadonlyMap<string, LineError>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const post = usePostStock();
  const adjust = useAdjustStock();
  const pending = post.isPending || adjust.isPending;

  const changeLines = (next: DraftLine[]) => {
    setLines(next);
    setErrors(new Map());
    setProblem(null);
  };

  const addPart = (part: DraftPart) => {
    const existing = lines.find((l) => l.part.id === part.id);
    if (!existing) {
      changeLines([...lines, newLine(part, kind === 'count' ? null : 1)]);
      return;
    }
    // A second scan of the same part counts one more, except in a count, where it is typed in.
    if (kind === 'count' || wholeOf(existing.qty) === null) {
      void message.info(t('stock.lines.already', { code: part.code }));
      return;
    }
    changeLines(lines.map((l) => (l === existing ? { ...l, qty: String((wholeOf(l.qty) ?? 0) + 1) } : l)));
  };

  const addMany = (parts: DraftPart[]) => {
    const have = new Set(lines.map((l) => l.part.id));
    changeLines([...lines, ...parts.filter((p) => !have.has(p.id)).map((p) => newLine(p, null))]);
  };

  const posted = (doc: StockDocument) => {
    void message.success(t('stock.documents.postedMessage', { docNo: doc.docNo }));
    void navigate(`/stock/documents/${doc.id}`, { state: { posted: true } });
  };

  const refused = (err: Error) => {
    showFieldErrors(form, err, t, { topLevelOnly: true });
    const byIndex = lineErrorsOf(err, t);
    setErrors(new Map([...byIndex].flatMap(([i, error]) => (lines[i] ? [[lines[i].part.id, error]] : []))));
    setProblem(errorMessage(err, t));
  };

  const submit = (header: DraftHeader) => {
    setProblem(null);
    if (lines.length === 0) {
      setProblem(t('stock.lines.noLines'));
      return;
    }
    const found = new Map(
      lines.flatMap((l) => {
        const problem = lineProblem(kind, l);
        if (!problem) return [];
        const text =
          'line' in problem
            ? t(`stock.lines.${problem.line}`, { onHand: l.part.onHand })
            : problemText(problem.field, t);
        return [[l.part.id, { text, on: problem.on }]];
      }),
    );
    setErrors(found);
    if (found.size > 0) {
      setProblem(t('stock.lines.fixLines'));
      return;
    }
    const draft = toInput(kind, header, lines);
    if (draft.method === 'stock.adjust') adjust.mutate(draft.input, { onSuccess: posted, onError: refused });
    else post.mutate(draft.input, { onSuccess: posted, onError: refused });
  };

  return (
    <Card
      title={
        <Flex gap="small" align="center">
          <Link to="/stock/documents" aria-label={t('stock.documents.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="doc-editor-title">{t(`stock.documents.newTitle.${kind}`)}</span>
        </Flex>
      }
    >
      <Form<DraftHeader>
        form={form}
        name={`stockDraft-${kind}`}
        layout="vertical"
        initialValues={{ supplierId: start.supplierId ?? undefined, reason: '' }}
        onFinish={submit}
        data-testid="doc-editor"
        data-kind={kind}
      >
        <Typography.Paragraph type="secondary">{t(`stock.documents.newHint.${kind}`)}</Typography.Paragraph>
        <Row gutter={16}>
          {takesSupplier(kind) && (
            <Col xs={24} md={8}>
              <Form.Item
                label={t('stock.documents.supplier')}
                name="supplierId"
                rules={[{ required: true, message: t('stock.documents.needSupplier') }]}
              >
                <SupplierSelect testId="doc-supplier" allowClear={false} />
              </Form.Item>
            </Col>
          )}
          {kind !== 'receipt' && (
            <Col xs={24} md={takesSupplier(kind) ? 16 : 24}>
              <Form.Item
                label={t('stock.documents.reason')}
                name="reason"
                rules={reasonRequired(kind) ? [rules.text(stockReason)] : [rules.text(optionalStockReason)]}
              >
                <TextInput
                  schema={stockReason}
                  placeholder={t(`stock.documents.reasonHint.${kind}`)}
                  data-testid="doc-reason"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Flex vertical gap="small" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('stock.lines.addTitle')}</Typography.Text>
          <PartPicker
            onPick={(p) => addPart(draftPart(p))}
            chosenIds={lines.map((l) => l.part.id)}
            testId="doc-picker"
            autoFocus={kind === 'receipt' && start.lines.length === 0}
          />
          {kind === 'count' && <CountLoader onLoad={addMany} />}
        </Flex>
        <DocumentLines kind={kind} lines={lines} onChange={changeLines} errors={errors} />
        {kind === 'count' && lines.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <CountSummary lines={lines} />
          </div>
        )}
        {problem && (
          <Alert type="error" showIcon title={problem} data-testid="doc-error" style={{ marginTop: 16 }} />
        )}
        <Flex justify="end" gap="small" style={{ marginTop: 16 }}>
          <Button onClick={() => void navigate('/stock/documents')}>{t('common.cancel')}</Button>
          {/* No submit button: Enter in a quantity must never post a document, only the click does. */}
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={pending}
            onClick={() => form.submit()}
            data-testid="doc-post"
          >
            {t('stock.documents.post')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
