import { App } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from '../lib/problems.ts';
import { useSession } from './session.tsx';

/**
 * "Sign out on all devices": asks for confirmation, ends every session of the user, says how many
 * ended and goes to the login page (or shows why it failed).
 */
export function useSignOutEverywhere(): () => void {
  const { t } = useI18n();
  const { logoutAll } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  return () => {
    modal.confirm({
      title: t('account.logoutAllConfirmTitle'),
      content: t('account.logoutAllConfirmText'),
      okText: t('account.logoutAll'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const count = await logoutAll();
          message.success(t('account.logoutAllDone', { count }));
          navigate('/login', { replace: true });
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  };
}
