import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '@shared/schemas/complaintKinds';
import { complaintNoteInput } from '@shared/schemas/complaints';
import {
  useAssignComplaint,
  useComplaintNote,
  useComplaintStaff,
  type Complaint,
} from '../../api/complaints';
import { textProblem } from '../../components/fieldChecks';
import { problemText } from '../../components/formRules';
import { TextArea } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { MoveComplaintModal, moveWord } from './MoveComplaintModal';

/** The next legal moves (the state machine's, sent by the server), a note, and the owner. */
export function ComplaintActions({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [moving, setMoving] = useState<ComplaintStatus | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const addNote = useComplaintNote();
  const assign = useAssignComplaint();
  const staff = useComplaintStaff();
  const [error, setError] = useState<string | null>(null);

  if (c.nextStatuses.length === 0) {
    return (
      <Alert type="info" showIcon title={t('complaints.detail.finished')} data-testid="complaint-finished" />
    );
  }

  const saveNote = () => {
    const problem = textProblem(complaintNoteInput.shape.note, note, 'invalid');
    if (problem) return setNoteError(problemText(problem, t));
    setNoteError(null);
    addNote.mutate(
      { id: c.id, note },
      {
        onSuccess: () => {
          setNote('');
          void message.success(t('complaints.detail.noteAdded'));
        },
        onError: (e) => setNoteError(errorMessage(e, t)),
      },
    );
  };

  return (
    <Card size="small" title={t('complaints.detail.actions')}>
      <Flex vertical gap="middle">
        <Space wrap>
          {c.nextStatuses.map((to) => (
            <Button
              key={to}
              type={to === 'withdrawn' ? 'default' : 'primary'}
              danger={to === 'withdrawn'}
              onClick={() => setMoving(to)}
              data-testid={`complaint-move-${to}`}
            >
              {t(`complaints.moves.${moveWord(c.status, to)}`)}
            </Button>
          ))}
        </Space>
        <Flex gap="small" align="start">
          <Flex vertical style={{ flex: 1 }}>
            <TextArea
              schema={complaintNoteInput.shape.note}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('complaints.detail.notePlaceholder')}
              status={noteError ? 'error' : undefined}
              data-testid="complaint-note"
            />
            {noteError && <span className="ant-form-item-explain-error">{noteError}</span>}
          </Flex>
          <Button onClick={saveNote} loading={addNote.isPending} data-testid="complaint-note-add">
            {t('complaints.detail.addNote')}
          </Button>
        </Flex>
        <Flex gap="small" align="center">
          <span>{t('complaints.detail.assign')}</span>
          <Select
            allowClear
            style={{ minWidth: 200 }}
            value={c.ownerId ?? undefined}
            placeholder={t('complaints.detail.unassigned')}
            options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            loading={assign.isPending}
            onChange={(ownerId: string | undefined) => {
              setError(null);
              assign.mutate(
                { id: c.id, version: c.version, ownerId: ownerId ?? null },
                {
                  onSuccess: () => void message.success(t('complaints.detail.assigned')),
                  onError: (e) => setError(errorMessage(e, t)),
                },
              );
            }}
            data-testid="complaint-assign"
          />
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
      </Flex>
      {moving && <MoveComplaintModal complaint={c} to={moving} onClose={() => setMoving(null)} />}
    </Card>
  );
}
