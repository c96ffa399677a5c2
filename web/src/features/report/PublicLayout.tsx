import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import './report.css';

/** Resident pages: no account, mobile first, large touch targets. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/report" className="public-brand">
          <span className="brand-mark" aria-hidden>
            共
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('report.portal')}</small>
          </span>
        </Link>
        <LanguageSwitch />
      </header>
      <nav className="public-nav" aria-label={t('report.navLabel')}>
        <NavLink to="/report">{t('report.navReport')}</NavLink>
        <NavLink to="/track">{t('report.navTrack')}</NavLink>
        <NavLink to="/credit" data-testid="public-nav-credit">
          {t('industry.publicNav')}
        </NavLink>
      </nav>
      <main className="public-main">{children}</main>
      <footer className="public-footer">
        <span>{t('report.privacy')}</span>
        <Link to="/login">{t('report.staffLogin')}</Link>
      </footer>
    </div>
  );
}
