import { Checkbox, Col, Form, Radio, Rate, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import {
  CALL_RESULTS,
  recordCallInput,
  SATISFACTION_DIMENSIONS,
  unsolvedAction,
  type CallResult,
  type FollowUpRow,
  type SatisfactionDimension,
} from '@shared/schemas/followUps';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  type ComplaintCategory,
  type ComplaintSeverity,
} from '@shared/schemas/complaintKinds';
import { useRecordCall } from '../../api/followUps';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextArea } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDay } from './format';

const fields = recordCallInput.shape;
const [complaintFields, reworkFields] = [unsolvedAction.options[0].shape, unsolvedAction.options[1].shape];

type OpenKind = 'none' | 'complaint' | 'rework';

interface CallValues {
  result: CallResult;
  note?: string;
  scores?: Partial<Record<SatisfactionDimension, number>>;
  comment?: string;
  problemUnsolved?: boolean;
  open?: OpenKind;
  category?: ComplaintCategory;
  severity?: ComplaintSeverity;
  description?: string;
  reportedFault?: string;
}

/** What the page says once a call is saved; the complaint or rework number when one was opened. */
export interface CallSaved {
  text: string;
  complaintNo: string | null;
  reworkOrderNo: string | null;
}

/** The form's values → the call: the scores and 问题未解决 only for a reached customer. */
function toInput(row: FollowUpRow, v: CallValues): InputOf<'followUps.record'> {
  const base = { id: row.id, result: v.result, note: v.note ?? '' };
  if (v.result !== 'reached') return base;
  const s = v.scores ?? {};
  const unsolved = v.problemUnsolved ?? false;
  const open =
    unsolved && v.open === 'complaint'
      ? {
          kind: 'complaint' as const,
          category: v.category ?? 'quality',
          severity: v.severity ?? 'minor',
          description: v.description ?? '',
        }
      : unsolved && v.open === 'rework'
        ? { kind: 'rework' as const, reportedFault: v.reportedFault ?? '' }
        : undefined;
  return {
    ...base,
    scores: {
      attitude: s.attitude ?? 0,
      quality: s.quality ?? 0,
      timeliness: s.timeliness ?? 0,
      price: s.price ?? 0,
    },
    comment: v.comment ?? '',
    problemUnsolved: unsolved,
    ...(open ? { open } : {}),
  };
}

/**
 * 记录回访: the result; for a reached customer the four 1–5 scores, a comment and 问题未解决, which may
 * open a complaint or a rework order in the same step (one call, one transaction on the server).
 */
export function RecordCallModal({
  row,
  onClose,
  onSaved,
}: {
  row: FollowUpRow;
  onClose: () => void;
  onSaved: (saved: CallSaved) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallValues>();
  const rules = useFormRules();
  const record = useRecordCall();
  const result = Form.useWatch('result', form);
  const unsolved = Form.useWatch('problemUnsolved', form);
  const open = Form.useWatch('open', form);

  const scoreRule: FormRule = {
    validator: (_rule, value: unknown) =>
      typeof value === 'number' && value >= 1 && value <= 5
        ? Promise.resolve()
        : Promise.reject(new Error(t('followUps.scoreRequired'))),
  };

  const submit = (values: CallValues) =>
    record.mutate(toInput(row, values), {
      onSuccess: (saved) => {
        const text = saved.complaintNo
          ? t('followUps.openedComplaint', { no: saved.complaintNo })
          : saved.reworkOrderNo
            ? t('followUps.openedRework', { no: saved.reworkOrderNo })
            : saved.state === 'pending'
              ? t('followUps.retried', { date: formatDay(saved.dueAt) })
              : t('followUps.saved');
        onSaved({ text, complaintNo: saved.complaintNo, reworkOrderNo: saved.reworkOrderNo });
      },
      onError: (e) => showFieldErrors(form, e, t),
    });

  return (
    <FormModal<CallValues>
      title={t('followUps.dialogTitle', { orderNo: row.orderNo, name: row.customerName })}
      testId="follow-up-call"
      name="followUpCall"
      form={form}
      initialValues={{ result: 'reached', open: 'none', category: 'quality', severity: 'minor', scores: {} }}
      submitText={t('followUps.record')}
      pending={record.isPending}
      error={record.error ? errorMessage(record.error, t) : null}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('followUps.result')} name="result">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="follow-up-result"
          options={CALL_RESULTS.map((r) => ({
            value: r,
            label: <span data-testid={`follow-up-result-${r}`}>{t(`callResults.${r}`)}</span>,
          }))}
        />
      </Form.Item>
      {result === 'reached' && (
        <>
          <Form.Item label={t('followUps.scores')} required style={{ marginBottom: 0 }}>
            <Row gutter={16}>
              {SATISFACTION_DIMENSIONS.map((d) => (
                <Col span={12} key={d}>
                  <Form.Item
                    label={t(`satisfactionDimensions.${d}`)}
                    name={['scores', d]}
                    rules={[scoreRule]}
                    style={{ marginBottom: 8 }}
                  >
                    <Rate data-testid={`follow-up-score-${d}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
          <Form.Item label={t('followUps.comment')} name="comment" rules={[rules.text(fields.comment)]}>
            <TextArea
              schema={fields.comment}
              autoSize={{ minRows: 2, maxRows: 4 }}
              data-testid="follow-up-comment"
            />
          </Form.Item>
          <Form.Item name="problemUnsolved" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="follow-up-unsolved">{t('followUps.problemUnsolved')}</Checkbox>
          </Form.Item>
          {unsolved && (
            <Form.Item label={t('followUps.open')} name="open">
              <Radio.Group
                data-testid="follow-up-open"
                options={(['none', 'complaint', 'rework'] as const).map((k) => ({
                  value: k,
                  label: (
                    <span data-testid={`follow-up-open-${k}`}>
                      {t(
                        k === 'none'
                          ? 'followUps.openNothing'
                          : k === 'complaint'
                            ? 'followUps.openComplaint'
                            : 'followUps.openRework',
                      )}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          )}
          {unsolved && open === 'complaint' && (
            <>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item label={t('followUps.category')} name="category" rules={[rules.required]}>
                    <Select<ComplaintCategory>
                      data-testid="follow-up-category"
                      options={COMPLAINT_CATEGORIES.map((c) => ({
                        value: c,
                        label: t(`complaintCategories.${c}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label={t('followUps.severity')} name="severity" rules={[rules.required]}>
                    <Select<ComplaintSeverity>
                      data-testid="follow-up-severity"
                      options={COMPLAINT_SEVERITIES.map((s) => ({
                        value: s,
                        label: t(`complaintSeverities.${s}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label={t('followUps.description')}
                name="description"
                rules={[rules.text(complaintFields.description)]}
              >
                <TextArea
                  schema={complaintFields.description}
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  data-testid="follow-up-description"
                />
              </Form.Item>
            </>
          )}
          {unsolved && open === 'rework' && (
            <Form.Item
              label={t('followUps.reportedFault')}
              name="reportedFault"
              rules={[rules.text(reworkFields.reportedFault)]}
            >
              <TextArea
                schema={reworkFields.reportedFault}
                autoSize={{ minRows: 2, maxRows: 4 }}
                data-testid="follow-up-rework-fault"
              />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item label={t('followUps.note')} name="note" rules={[rules.text(fields.note)]}>
        <TextArea
          schema={fields.note}
          placeholder={t('followUps.notePlaceholder')}
          autoSize={{ minRows: 1, maxRows: 3 }}
          data-testid="follow-up-note"
        />
      </Form.Item>
    </FormModal>
  );
}
