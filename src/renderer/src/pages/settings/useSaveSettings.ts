import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { useUpdateSettings } from '../../api/settings';
import { showFieldErrors } from '../../components/formErrors';
import { errorMessage } from '../../i18n/errorMessage';

/** Save one section of the settings page: a success notice, or the server's refusal on the fields. */
export function useSaveSettings<T>(form: FormInstance<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateSettings();
  const save = (input: InputOf<'settings.update'>) =>
    update.mutate(input, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => {
        showFieldErrors(form, error, t);
        void message.error(errorMessage(error, t));
      },
    });
  return { save, pending: update.isPending };
}
