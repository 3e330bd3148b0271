import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import {
  blankFaultText,
  HISTORY_FIELDS,
  MAX_HISTORY_BYTES,
  REQUIRED_HISTORY_FIELDS,
  type HistoryField,
  type HistoryImportResult,
  type HistoryMapping,
  type HistoryPreview,
} from '@shared/schemas/history';
import { OUTCOMES, type Outcome } from '@shared/workOrderStatus';
import { downloadXlsx, fileToBase64 } from '../../api/excel';
import { invoke } from '../../api/client';
import {
  useHistoryImport,
  useHistoryImports,
  useHistoryMappings,
  useHistoryPreview,
  useHistoryProgress,
  useHistoryUndo,
  useSaveMapping,
} from '../../api/history';
import { useCan } from '../../api/session';
import { useSettings } from '../../api/settings';
import { currentLanguage } from '../../i18n';
import { errorMessage } from '../../i18n/errorMessage';
import { TextInput } from '../../components/TextInput';
import { formatDateTime } from '../../lib/format';

type Encoding = 'auto' | 'utf8' | 'gb18030';
type Columns = HistoryMapping['columns'];
type ImportRecord = OutputOf<'history.list'>[number];

/**
 * The file's own words for a closed set, each mapped to one of its values: outcomes ("Fixed" →
 * 已修复) and device categories ("Laptop" → 电脑).
 */
function FileWords<T extends string>({
  value,
  onChange,
  options,
  placeholder,
  testId,
}: {
  value: Record<string, T>;
  onChange: (v: Record<string, T>) => void;
  options: { value: T; label: string }[];
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [word, setWord] = useState('');
  const [target, setTarget] = useState<T | undefined>(options[0]?.value);
  const labelOf = (v: T) => options.find((o) => o.value === v)?.label ?? v;
  return (
    <Flex vertical gap="small" data-testid={`${testId}s`}>
      {Object.entries(value).map(([w, v]) => (
        <Tag
          key={w}
          closable
          onClose={() => onChange(Object.fromEntries(Object.entries(value).filter(([k]) => k !== w)))}
        >
          {w} → {labelOf(v)}
        </Tag>
      ))}
      <Space.Compact>
        <Input
          placeholder={placeholder}
          value={word}
          onChange={(e) => setWord(e.target.value)}
          style={{ width: 180 }}
          data-testid={testId}
        />
        <Select
          value={target}
          onChange={setTarget}
          style={{ width: 140 }}
          options={options}
          data-testid={`${testId}-target`}
        />
        <Button
          disabled={word.trim() === '' || target === undefined}
          onClick={() => {
            if (target === undefined) return;
            onChange({ ...value, [word.trim()]: target });
            setWord('');
          }}
          data-testid={`${testId}-add`}
        >
          {t('history.addWord')}
        </Button>
      </Space.Compact>
    </Flex>
  );
}

function ErrorsTable({ result }: { result: HistoryImportResult }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<HistoryImportResult['errors'][number] & { key: number }> = [
    { title: t('history.row'), dataIndex: 'row', width: 70, render: (_, e) => (e.row > 0 ? e.row : '—') },
    { title: t('history.column'), dataIndex: 'column', width: 140 },
    { title: t('history.problem'), dataIndex: 'code', render: (_, e) => t(`history.errors.${e.code}`) },
    {
      title: t('history.value'),
      dataIndex: 'value',
      width: 200,
      ellipsis: true,
      render: (_, e) => e.value || '—',
    },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      data-testid="history-errors"
      columns={columns}
      dataSource={result.errors.map((e, key) => ({ ...e, key }))}
      pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
    />
  );
}

function RowsTable({ result }: { result: HistoryImportResult }) {
  const { t } = useTranslation();
  const what = (v: 'created' | 'matched' | null) =>
    v === null ? '—' : <Tag color={v === 'created' ? 'blue' : 'green'}>{t(`history.${v}`)}</Tag>;
  const columns: TableColumnsType<HistoryImportResult['preview'][number]> = [
    { title: t('history.row'), dataIndex: 'row', width: 70 },
    { title: t('history.customer'), dataIndex: 'customer', render: (_, r) => what(r.customer) },
    { title: t('history.device'), dataIndex: 'device', render: (_, r) => what(r.device) },
    {
      title: t('history.technician'),
      dataIndex: 'technicianMatched',
      render: (_, r) =>
        r.technicianMatched === null
          ? '—'
          : t(r.technicianMatched ? 'history.matched' : 'history.keptAsText'),
    },
    {
      title: t('history.result'),
      dataIndex: 'refused',
      render: (_, r) =>
        r.refused ? (
          <Tag color="red">{t('history.refused')}</Tag>
        ) : (
          <Tag color="green">{t('history.accepted')}</Tag>
        ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="row"
      data-testid="history-rows"
      columns={columns}
      dataSource={result.preview}
      pagination={{ pageSize: 10, size: 'small' }}
    />
  );
}

/**
 * 历史导入: choose an .xlsx or .csv, map its columns (or use the template's), check it (nothing is
 * written), then import every accepted row in one go; past imports can be undone by an admin until
 * the next day close.
 */
export function HistoryImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canUndo = useCan('history.undo');
  const previewCall = useHistoryPreview();
  const importCall = useHistoryImport();
  const undo = useHistoryUndo();
  const imports = useHistoryImports();
  const mappings = useHistoryMappings();
  const saveMapping = useSaveMapping();
  const progress = useHistoryProgress(importCall.isPending);

  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [preview, setPreview] = useState<HistoryPreview | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [categories, setCategories] = useState<Record<string, string>>({});
  const [blankFault, setBlankFault] = useState('');
  const shopCategories = useSettings().data?.counter.deviceCategories ?? [];
  const [checked, setChecked] = useState<HistoryImportResult | null>(null);
  const [skipRefused, setSkipRefused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [mappingName, setMappingName] = useState('');

  const mapping: HistoryMapping = { columns, outcomes, categories, blankFault };

  const read = (picked: { fileName: string; base64: string }, enc: Encoding) => {
    setChecked(null);
    setProblem(null);
    previewCall.mutate(
      { file: picked, encoding: enc },
      {
        onSuccess: (p) => {
          setPreview(p);
          // Keep a mapping already chosen when its columns are in the file; else the template's.
          const known = Object.values(columns).every((h) => p.headers.includes(h));
          if (Object.keys(columns).length === 0 || !known) setColumns(p.suggested);
        },
        onError: (e) => setProblem(errorMessage(e, t)),
      },
    );
  };

  const choose = async (chosen: File) => {
    if (chosen.size > MAX_HISTORY_BYTES) {
      setProblem(t('history.tooLarge', { mb: MAX_HISTORY_BYTES / 1024 / 1024 }));
      return;
    }
    const picked = { fileName: chosen.name.slice(-200) || 'history.csv', base64: await fileToBase64(chosen) };
    setFile(picked);
    read(picked, encoding);
  };

  const run = (dryRun: boolean) => {
    if (!file) return;
    setProblem(null);
    importCall.mutate(
      { file, encoding, mapping, dryRun, skipRefused },
      {
        onSuccess: (result) => {
          setChecked(result);
          if (result.committed) {
            void message.success(t('history.done', { count: result.accepted }));
          }
        },
        onError: (e) => setProblem(errorMessage(e, t)),
      },
    );
  };

  const template = async () => {
    downloadXlsx(await invoke('history.template', { lang: currentLanguage() }));
  };

  const headerOptions = (preview?.headers ?? []).map((h) => ({ value: h, label: h }));
  const canImport =
    checked !== null && !checked.committed && checked.accepted > 0 && (checked.refused === 0 || skipRefused);

  const importColumns: TableColumnsType<ImportRecord> = [
    { title: t('history.file'), dataIndex: 'fileName' },
    { title: t('history.at'), dataIndex: 'at', render: (_, r) => formatDateTime(r.at) },
    { title: t('history.orders'), dataIndex: 'orders', width: 90 },
    { title: t('history.customers'), dataIndex: 'customers', width: 90 },
    { title: t('history.devices'), dataIndex: 'devices', width: 90 },
    { title: t('history.by'), dataIndex: 'userName', width: 120 },
    {
      title: t('history.state'),
      key: 'state',
      render: (_, r) =>
        r.undoneAt !== null ? (
          <Tag>{t('history.undone')}</Tag>
        ) : canUndo && r.undoable ? (
          <Popconfirm
            title={t('history.undoConfirm', { count: r.orders })}
            onConfirm={() =>
              undo.mutate(r.id, {
                onSuccess: () => void message.success(t('history.undoneMessage')),
                onError: (e) => void message.error(errorMessage(e, t)),
              })
            }
          >
            <Button size="small" danger data-testid={`history-undo-${r.fileName}`}>
              {t('history.undo')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="green">{t('history.imported')}</Tag>
        ),
    },
  ];

  const phase = progress.data;
  return (
    <Flex vertical gap="middle" data-testid="history-page">
      <Typography.Title level={3}>{t('history.title')}</Typography.Title>
      <Card
        title={t('history.step1')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="history-template">
            {t('history.template')}
          </Button>
        }
      >
        <Flex vertical gap="small">
          <Typography.Text type="secondary">{t('history.intro')}</Typography.Text>
          <Space>
            {t('history.encoding')}
            <Select
              value={encoding}
              onChange={(v) => {
                setEncoding(v);
                if (file) read(file, v);
              }}
              style={{ width: 200 }}
              data-testid="history-encoding"
              options={(['auto', 'utf8', 'gb18030'] as const).map((e) => ({
                value: e,
                label: t(`history.encodings.${e}`),
              }))}
            />
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
            data-testid="history-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{file ? file.fileName : t('history.choose')}</p>
          </Upload.Dragger>
          {preview && (
            <Typography.Text data-testid="history-read">
              {t('history.read', {
                rows: preview.rows,
                columns: preview.headers.length,
                encoding: t(`history.encodings.${preview.encoding}`),
              })}
            </Typography.Text>
          )}
          {problem && <Alert type="error" showIcon title={problem} data-testid="history-problem" />}
        </Flex>
      </Card>

      {preview && (
        <Card title={t('history.step2')}>
          <Flex vertical gap="small">
            <Space wrap>
              <Select
                placeholder={t('history.useSaved')}
                style={{ width: 220 }}
                data-testid="history-saved"
                value={null}
                options={(mappings.data ?? []).map((m) => ({ value: m.name, label: m.name }))}
                onChange={(name: string) => {
                  const saved = mappings.data?.find((m) => m.name === name);
                  if (saved) {
                    setColumns(saved.mapping.columns);
                    setOutcomes(saved.mapping.outcomes);
                    setCategories(saved.mapping.categories);
                    setBlankFault(saved.mapping.blankFault);
                    setChecked(null);
                  }
                }}
              />
              <Space.Compact>
                <Input
                  placeholder={t('history.mappingName')}
                  value={mappingName}
                  onChange={(e) => setMappingName(e.target.value)}
                  data-testid="history-mapping-name"
                />
                <Button
                  disabled={mappingName.trim() === ''}
                  loading={saveMapping.isPending}
                  onClick={() =>
                    saveMapping.mutate(
                      { name: mappingName.trim(), mapping },
                      {
                        onSuccess: () => void message.success(t('history.mappingSaved')),
                        onError: (e) => void message.error(errorMessage(e, t)),
                      },
                    )
                  }
                  data-testid="history-mapping-save"
                >
                  {t('history.saveMapping')}
                </Button>
              </Space.Compact>
            </Space>
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
                gap: 8,
              }}
            >
              {HISTORY_FIELDS.map((field: HistoryField) => (
                <Flex key={field} align="center" gap="small">
                  <Typography.Text style={{ width: 100 }}>
                    {t(`history.fields.${field}`)}
                    {REQUIRED_HISTORY_FIELDS.includes(field) ? ' *' : ''}
                  </Typography.Text>
                  <Select
                    allowClear
                    style={{ flex: 1 }}
                    placeholder={t('history.notMapped')}
                    value={columns[field]}
                    options={headerOptions}
                    data-testid={`history-map-${field}`}
                    onChange={(h: string | undefined) => {
                      setChecked(null);
                      setColumns((c) => {
                        const rest = Object.entries(c).filter(([k]) => k !== field);
                        return Object.fromEntries(h === undefined ? rest : [...rest, [field, h]]) as Columns;
                      });
                    }}
                  />
                </Flex>
              ))}
            </div>
            <Typography.Text strong>{t('history.outcomeWords')}</Typography.Text>
            <FileWords
              value={outcomes}
              onChange={(v) => {
                setChecked(null);
                setOutcomes(v);
              }}
              options={OUTCOMES.map((o) => ({ value: o, label: t(`history.outcomes.${o}`) }))}
              placeholder={t('history.fileWord')}
              testId="history-outcome-word"
            />
            <Typography.Text strong>{t('history.categoryWords')}</Typography.Text>
            <Typography.Text type="secondary">{t('history.categoryWordsHelp')}</Typography.Text>
            <FileWords
              value={categories}
              onChange={(v) => {
                setChecked(null);
                setCategories(v);
              }}
              options={shopCategories.map((c) => ({ value: c, label: c }))}
              placeholder={t('history.fileCategory')}
              testId="history-category-word"
            />
            <Typography.Text strong>{t('history.blankFault')}</Typography.Text>
            <TextInput
              schema={blankFaultText}
              value={blankFault}
              status={blankFaultText.safeParse(blankFault).success ? undefined : 'error'}
              style={{ maxWidth: 420 }}
              placeholder={t('history.blankFaultPlaceholder')}
              onChange={(e) => {
                setChecked(null);
                setBlankFault(e.target.value);
              }}
              data-testid="history-blank-fault"
            />
          </Flex>
        </Card>
      )}

      {preview && (
        <Card title={t('history.step3')}>
          <Flex vertical gap="small">
            <Space>
              <Button onClick={() => run(true)} loading={importCall.isPending} data-testid="history-check">
                {t('history.check')}
              </Button>
              <Checkbox
                checked={skipRefused}
                onChange={(e) => setSkipRefused(e.target.checked)}
                data-testid="history-skip-refused"
              >
                {t('history.skipRefused')}
              </Checkbox>
              <Button
                type="primary"
                disabled={!canImport}
                loading={importCall.isPending}
                onClick={() => run(false)}
                data-testid="history-commit"
              >
                {t('history.import', { count: checked?.accepted ?? 0 })}
              </Button>
            </Space>
            {importCall.isPending && phase && phase.phase !== 'done' && (
              <Progress
                data-testid="history-progress"
                percent={phase.total > 0 ? Math.round((phase.done / phase.total) * 100) : 0}
                format={() => t(`history.phases.${phase.phase}`)}
              />
            )}
            {checked && (
              <>
                <Flex gap="large" wrap data-testid="history-summary">
                  <Statistic title={t('history.rows')} value={checked.rows} />
                  <Statistic title={t('history.accepted')} value={checked.accepted} />
                  <Statistic title={t('history.refused')} value={checked.refused} />
                  <Statistic title={t('history.customersCreated')} value={checked.customersCreated} />
                  <Statistic title={t('history.customersMatched')} value={checked.customersMatched} />
                  <Statistic title={t('history.devicesCreated')} value={checked.devicesCreated} />
                  <Statistic title={t('history.devicesMatched')} value={checked.devicesMatched} />
                </Flex>
                {checked.committed ? (
                  <Alert
                    type="success"
                    showIcon
                    data-testid="history-committed"
                    title={t('history.done', { count: checked.accepted })}
                  />
                ) : checked.errors.length === 0 ? (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="history-ready"
                    title={t('history.ready', { count: checked.accepted })}
                  />
                ) : (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="history-has-errors"
                    title={t('history.hasErrors', { count: checked.refused })}
                  />
                )}
                {checked.errors.length > 0 && <ErrorsTable result={checked} />}
                <RowsTable result={checked} />
              </>
            )}
          </Flex>
        </Card>
      )}

      <Card title={t('history.past')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="history-imports"
          columns={importColumns}
          dataSource={imports.data ?? []}
          loading={imports.isLoading}
          pagination={false}
        />
      </Card>
    </Flex>
  );
}
