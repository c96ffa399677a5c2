import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { RegisterDisputeModal } from './RegisterDisputeModal';

interface CaseFacts {
  id: string;
  caseNo: string;
  streetCode: string;
  compound: { id: string; name: string } | null;
  title: string;
  description: string;
  reporterName: string | null;
}

/**
 * 转人民调解 on a case page: shown to whoever manages mediation in the case's street (its mediator, its street
 * office) when the case names a compound; the dispute keeps the case and the case's history records it.
 */
export function ToMediationButton({ view }: { view: CaseFacts }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const streetAllows = (me?.roles ?? []).some(
    (r) =>
      r.scopeType === 'city' ||
      (r.scopeType === 'district' && view.streetCode.startsWith(r.scopeId)) ||
      (r.scopeType === 'street' && r.scopeId === view.streetCode),
  );
  if (!can('mediation.manage') || !streetAllows || !view.compound) return null;
  const compound = view.compound;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="case-to-mediation">
        {t('mediation.fromCase')}
      </Button>
      {open && (
        <RegisterDisputeModal
          fromCase={{ ...view, compound }}
          onClose={() => setOpen(false)}
          onCreated={(id) => void navigate(`/mediation/disputes/${id}`)}
        />
      )}
    </>
  );
}
