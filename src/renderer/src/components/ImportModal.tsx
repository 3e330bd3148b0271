import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Radio,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  MAX_XLSX_BYTES,
  type ImportError,
  type ImportResult,
  type ImportRowChange,
  type XlsxFile,
} from '@shared/schemas/excel';
import { fileToBase64, useExport, useImport, type ImportMethod, type PlainExport } from '../api/excel';
import { errorMessage } from '../i18n/errorMessage';

interface ImportModalProps {
  title: string;
  method: ImportMethod;
  template: PlainExport;
  /** How rows meet what is already on file (matched by code, a known phone is an error …). */
  matchNote: string;
  testId: string;
  /** What a row meeting a record on file does, until the user picks otherwise. */
  defaultExisting: Existing;
  onClose: () => void;
}

type Existing = 'skip' | 'update';

/** The rows that met records on file: skipped, unchanged, or the fields they change (old → new). */
function ChangeList({ changes, testId }: { changes: ImportRowChange[]; testId: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportRowChange> = [
    { title: t('stock.import.row'), dataIndex: 'row', width: 60 },
    {
      title: t('stock.import.record'),
      dataIndex: 'code',
      width: 150,
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text>{c.code}</Typography.Text>
          <Typography.Text type="secondary">{c.name}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('stock.import.action'),
      dataIndex: 'action',
      width: 80,
      render: (_, c) => t(`stock.import.actions.${c.action}`),
    },
    {
      title: t('stock.import.changes'),
      dataIndex: 'fields',
      render: (_, c) =>
        c.fields.length === 0 ? (
          t('common.none')
        ) : (
          <Flex vertical>
            {c.fields.map((f) => (
              <span key={f.column}>
                <Typography.Text strong>{f.column}</Typography.Text>{' '}
                <Typography.Text delete type="secondary">
                  {f.before || t('common.none')}
                </Typography.Text>
                {' → '}
                <Typography.Text>{f.after || t('common.none')}</Typography.Text>
              </span>
            ))}
          </Flex>
        ),
    },
  ];
  return (
    <Flex vertical gap="small">
      <Typography.Text strong>{t('stock.import.changesTitle')}</Typography.Text>
      <Table
        size="small"
        rowKey="row"
        data-testid={`${testId}-changes`}
        columns={columns}
        dataSource={changes}
        pagination={changes.length > 6 ? { pageSize: 6, size: 'small' } : false}
      />
    </Flex>
  );
}

/** What the check of the chosen file said. */
function CheckResult({ result, testId }: { result: ImportResult; testId: string }) {
  const { t } = useTranslation();
  if (result.errors.length === 0) {
    return (
      <Flex vertical gap="small">
        <Alert
          type="success"
          showIcon
          data-testid={`${testId}-ready`}
          title={t('stock.import.ready', {
            rows: result.rows,
            created: result.created,
            updated: result.updated,
          })}
          description={result.skipped > 0 ? t('stock.import.skipped', { count: result.skipped }) : undefined}
        />
        {result.changes.length > 0 && <ChangeList changes={result.changes} testId={testId} />}
      </Flex>
    );
  }
  const columns: TableColumnsType<ImportError & { key: number }> = [
    {
      title: t('stock.import.row'),
      dataIndex: 'row',
      width: 70,
      render: (_, e) => (e.row > 0 ? e.row : '—'),
    },
    { title: t('stock.import.column'), dataIndex: 'column', width: 120 },
    {
      title: t('stock.import.problem'),
      dataIndex: 'code',
      render: (_, e) => t(`stock.importErrors.${e.code}`),
    },
    {
      title: t('stock.import.value'),
      dataIndex: 'value',
      width: 160,
      ellipsis: true,
      render: (_, e) => e.value || t('common.none'),
    },
  ];
  return (
    <Flex vertical gap="small">
      <Alert
        type="error"
        showIcon
        data-testid={`${testId}-has-errors`}
        title={t('stock.import.hasErrors', { count: result.errors.length })}
      />
      <Table
        size="small"
        rowKey="key"
        data-testid={`${testId}-errors`}
        columns={columns}
        dataSource={result.errors.map((e, key) => ({ ...e, key }))}
        pagination={result.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
      />
    </Flex>
  );
}

/**
 * 导入 Excel: choose a file, it is checked at once (nothing written), the errors are listed by row and
 * column; 导入 writes it only when every row is good. All or nothing, and the dialog says so.
 */
export function ImportModal({
  title,
  method,
  template,
  matchNote,
  testId,
  defaultExisting,
  onClose,
}: ImportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useImport(method);
  const download = useExport();
  const [file, setFile] = useState<XlsxFile | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<Existing>(defaultExisting);

  /** Check the file (nothing written) for the chosen handling of existing records. */
  const check = (picked: XlsxFile, mode: Existing) => {
    setChecked(null);
    setProblem(null);
    run.mutate(
      { file: picked, dryRun: true, existing: mode },
      { onSuccess: setChecked, onError: (e) => setProblem(errorMessage(e, t)) },
    );
  };

  const choose = async (chosen: File) => {
    setChecked(null);
    setProblem(null);
    if (chosen.size > MAX_XLSX_BYTES) {
      setFile(null);
      setProblem(t('stock.import.tooLarge', { mb: MAX_XLSX_BYTES / 1024 / 1024 }));
      return;
    }
    const picked = { fileName: chosen.name.slice(-120) || 'import.xlsx', base64: await fileToBase64(chosen) };
    setFile(picked);
    check(picked, existing);
  };

  const commit = () => {
    if (!file) return;
    run.mutate(
      { file, dryRun: false, existing },
      {
        onSuccess: (result) => {
          if (result.committed) {
            void message.success(
              t('stock.import.done', { rows: result.rows, created: result.created, updated: result.updated }),
            );
            onClose();
          } else setChecked(result);
        },
        onError: (e) => setProblem(errorMessage(e, t)),
      },
    );
  };

  const ready = checked !== null && checked.errors.length === 0 && checked.rows > 0;
  return (
    <Modal
      open
      width={760}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate({ method: template })}
            data-testid={`${testId}-template`}
          >
            {t('stock.import.template')}
          </Button>
          <Flex gap="small">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!ready}
              loading={run.isPending && checked !== null}
              onClick={commit}
              data-testid={`${testId}-commit`}
            >
              {ready ? t('stock.import.commitRows', { rows: checked.rows }) : t('stock.import.commit')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap="middle" data-testid={`${testId}-dialog`}>
        <Alert
          type="warning"
          showIcon
          title={t('stock.import.allOrNothing')}
          description={
            <Flex vertical>
              <span>{t('stock.import.allOrNothingDetail')}</span>
              <span>{matchNote}</span>
            </Flex>
          }
        />
        <Flex gap="small" align="center">
          <Typography.Text>{t('stock.import.existing')}</Typography.Text>
          <Radio.Group
            value={existing}
            data-testid={`${testId}-existing`}
            onChange={(e) => {
              const mode = e.target.value as Existing;
              setExisting(mode);
              if (file) check(file, mode);
            }}
            options={[
              {
                value: 'skip',
                label: <span data-testid={`${testId}-existing-skip`}>{t('stock.import.existingSkip')}</span>,
              },
              {
                value: 'update',
                label: (
                  <span data-testid={`${testId}-existing-update`}>{t('stock.import.existingUpdate')}</span>
                ),
              },
            ]}
          />
        </Flex>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          beforeUpload={(chosen) => {
            void choose(chosen);
            return false;
          }}
          data-testid={`${testId}-file`}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('stock.import.choose')}</p>
          <p className="ant-upload-hint">
            {file ? (
              <Typography.Text strong data-testid={`${testId}-file-name`}>
                {file.fileName}
              </Typography.Text>
            ) : (
              t('stock.import.chooseHint')
            )}
          </p>
        </Upload.Dragger>
        {run.isPending && checked === null && (
          <Alert type="info" showIcon title={t('stock.import.checking')} />
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid={`${testId}-problem`} />}
        {checked && <CheckResult result={checked} testId={testId} />}
      </Flex>
    </Modal>
  );
}
