import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { useTestSend, useUpdateChannels } from '../../../api/channels';
import { showFieldErrors } from '../../../components/formErrors';
import { errorMessage } from '../../../i18n/errorMessage';

/** Save one channel: a notice, the typed secret emptied again; or the server's refusal on its fields. */
export function useChannelSave<T>(form: FormInstance<T>, afterSave: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateChannels();
  const save = (input: InputOf<'channels.update'>) =>
    update.mutate(input, {
      onSuccess: () => {
        afterSave();
        void message.success(t('channelSettings.saved'));
      },
      onError: (error) => {
        showFieldErrors(form, error, t);
        void message.error(errorMessage(error, t));
      },
    });
  return { save, pending: update.isPending };
}

/** A test send: its answer is data; a refusal of the call (bad number, not set up) is a message. */
export function useChannelTest() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const test = useTestSend();
  const send = (input: InputOf<'channels.test'>) =>
    test.mutate(input, { onError: (error) => void message.error(errorMessage(error, t)) });
  return { send, pending: test.isPending, result: test.data ?? null, reset: test.reset };
}
