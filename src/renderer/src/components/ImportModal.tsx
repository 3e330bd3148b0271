import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_XLSX_BYTES, type ImportError, type ImportResult, type XlsxFile } from '@shared/schemas/excel';
import { fileToBase64, useExport, useImport, type ImportMethod, type PlainExport } from '../api/excel';
import { errorMessage } from '../i18n/errorMessage';

interface ImportModalProps {
  title: string;
  method: ImportMethod;
  template: PlainExport;
  /** How rows meet what is already on file (matched by code, a known phone is an error …). */
  matchNote: string;
  testId: string;
  onClose: () => void;
}

/** What the check of the chosen file said. */
function CheckResult({ result, testId }: { result: ImportResult; testId: string }) {
  const { t } = useTranslation();
  if (result.errors.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid={`${testId}-ready`}
        title={t('stock.import.ready', {
          rows: result.rows,
          created: result.created,
          updated: result.updated,
        })}
      />
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
export function ImportModal({ title, method, template, matchNote, testId, onClose }: ImportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useImport(method);
  const download = useExport();
  const [file, setFile] = useState<XlsxFile | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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
    run.mutate(
      { file: picked, dryRun: true },
      { onSuccess: setChecked, onError: (e) => setProblem(errorMessage(e, t)) },
    );
  };

  const commit = () => {
    if (!file) return;
    run.mutate(
      { file, dryRun: false },
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
