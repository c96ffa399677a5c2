import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { LanguageSwitch } from '../../app/LanguageSwitch';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  // Back where the user was sent from, else home: the role's first screen (HomeRedirect).
  const target = from && from !== '/login' ? from : '/';

  if (me) return <Navigate to={target} replace />;

  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setSubmitting(false);
    }
  };

  const locked = error?.status === 423;

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden>
            共
          </span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.heading')}</Typography.Text>
          </div>
        </div>
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          {error && (
            <Alert
              data-testid="login-error"
              role="alert"
              type={locked ? 'warning' : 'error'}
              showIcon
              title={locked ? t('login.locked') : t('login.failed')}
              description={error.message}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <nav
          aria-label={t('login.residentsHint')}
          style={{ marginTop: 20, paddingTop: 16, borderTop: '1px solid #f0f0f0', textAlign: 'center' }}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('login.residentsHint')}
          </Typography.Paragraph>
          <Link to="/report" data-testid="login-report">
            {t('login.report')}
          </Link>
          {' / '}
          <Link to="/track" data-testid="login-track">
            {t('login.track')}
          </Link>
          {' / '}
          <Link to="/credit" data-testid="login-credit">
            {t('industry.publicLink')}
          </Link>
          {' / '}
          <Link to="/plan-progress" data-testid="login-plan">
            {t('plan.publicLink')}
          </Link>
        </nav>
      </Card>
    </main>
  );
}
