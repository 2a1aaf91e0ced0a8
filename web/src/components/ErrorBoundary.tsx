import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

function Fallback() {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={t('error.text')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}

/** Catches a page that fails to render or whose code fails to load (e.g. after a new deployment). */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
