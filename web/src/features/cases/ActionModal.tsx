import { useMemo } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ACTION_REQUIREMENTS,
  CASE_ACTION_LABELS,
  RETURN_REASONS,
  SATISFACTIONS,
  type CaseAction,
} from '../../../../domain/case-lifecycle';
import { ApiError } from '../../api/client';
import { useLang } from '../../app/i18n';
import { useCaseAction } from './api';
import { durationLabel } from './format';
import { OrgSelect, type OrgOption } from '../../shared/OrgSelect';
import { PhotoPicker } from '../../shared/PhotoPicker';
import { MergeTargetSelect } from './SimilarCases';
import { pick } from './taxonomy';
import type { ActionBodyDto, CaseViewDto } from './types';

export const EXTENSIONS = ['1wd', '2wd', '3wd', '5wd', '10wd'] as const;

interface Values {
  note?: string;
  leadOrgId?: string;
  coHandlerOrgIds?: string[];
  returnReason?: string;
  extension?: string;
  satisfaction?: string;
  resolved?: boolean;
  photos?: string[];
  mergeIntoCaseNo?: string;
  noticePublishedOn?: string;
  noticeEndsOn?: string;
}

interface Props {
  view: CaseViewDto;
  action: CaseAction | null;
  onClose: () => void;
}

export function ActionModal({ view, action, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useCaseAction(view.id);
  const label = action ? pick(CASE_ACTION_LABELS[action], lang) : '';
  // What the action asks for (domain/case-lifecycle.ts, the same table the server checks).
  const needs = action ? ACTION_REQUIREMENTS[action] : null;
  const target = needs?.target?.kind;

  // The routing's suggested co-handlers (recorded at intake) and the last requested extension.
  const suggestedCo = view.suggestedCoHandlers.map((o) => o.id);
  const requested = useMemo(() => {
    const e = [...(view.events ?? [])].reverse().find((x) => x.action === 'requestExtension');
    return typeof e?.data.extension === 'string' ? e.data.extension : undefined;
  }, [view.events]);

  const known: OrgOption[] = [
    view.suggestedOrg,
    view.leadOrg,
    ...view.coHandlers,
    ...view.suggestedCoHandlers,
  ].filter((o): o is OrgOption => !!o);

  const initialValues: Values = {
    // 改派 names a different lead: nothing is prefilled unless the suggestion is another organisation.
    leadOrgId:
      action === 'redispatch'
        ? view.suggestedOrg && view.suggestedOrg.id !== view.leadOrg?.id
          ? view.suggestedOrg.id
          : undefined
        : (view.suggestedOrg?.id ?? view.leadOrg?.id),
    coHandlerOrgIds: view.coHandlers.length ? view.coHandlers.map((c) => c.id) : suggestedCo,
    resolved: true,
    photos: [],
    extension: action === 'approveExtension' ? requested : undefined,
    // The open case intake found this one repeats (重复投诉) is the merge target offered first.
    mergeIntoCaseNo: view.duplicateOf?.caseNo,
  };

  const submit = (v: Values) => {
    if (!action) return;
    const body: ActionBodyDto = { action, version: view.version };
    const note = v.note?.trim();
    if (note) body.note = note;
    if (target === 'organisation') {
      body.leadOrgId = v.leadOrgId;
      body.coHandlerOrgIds = (v.coHandlerOrgIds ?? []).filter((id) => id !== v.leadOrgId);
    }
    if (needs?.reason) body.returnReason = v.returnReason as ActionBodyDto['returnReason'];
    if (needs?.duration === 'required' || (needs?.duration && v.extension)) body.extension = v.extension;
    if (needs?.satisfaction) body.satisfaction = v.satisfaction as ActionBodyDto['satisfaction'];
    if (needs?.evidence) {
      body.resolved = v.resolved ?? true;
      if (v.photos?.length) body.photos = v.photos;
    }
    if (target === 'case') body.mergeIntoCaseNo = v.mergeIntoCaseNo?.trim();
    if (needs?.notice) {
      body.noticePublishedOn = v.noticePublishedOn;
      body.noticeEndsOn = v.noticeEndsOn;
    }
    mutation.mutate(body, {
      onSuccess: () => {
        void message.success(t('cases.actionDone', { action: label }));
        mutation.reset();
        onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.status === 409) {
          // Someone acted first: the page now shows the fresh case; this form no longer applies.
          void message.warning(err.message);
          mutation.reset();
          onClose();
        }
      },
    });
  };

  const noteRequired = needs?.note === 'required';
  // Actions that only ask for a note (if any) get a sentence saying what confirming does.
  const asksForMore = !!needs?.satisfaction || !!target;
  const error = mutation.error instanceof ApiError && mutation.error.status !== 409 ? mutation.error : null;

  return (
    <Modal
      open={!!action}
      title={t('cases.actionTitle', { action: label, caseNo: view.caseNo })}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
      footer={[
        <Button
          key="cancel"
          onClick={() => {
            mutation.reset();
            onClose();
          }}
        >
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={action === 'decline' || action === 'returnCase' || action === 'verifyFail'}
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid="case-action-submit"
        >
          {t('cases.confirmAction', { action: label })}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        name={`case-action-${action ?? 'none'}`}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        preserve={false}
        requiredMark
      >
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        {target === 'organisation' && (
          <>
            <Form.Item
              name="leadOrgId"
              label={t('cases.leadOrg')}
              extra={view.suggestedOrg && t('cases.suggestedHint', { name: view.suggestedOrg.name })}
              // Prefilled with the suggestion; the form insists on a lead although the server would fall back to
              // the suggested organisation itself (ACTION_REQUIREMENTS.dispatch: optional).
              rules={[{ required: true, message: t('cases.required.leadOrg') }]}
            >
              <OrgSelect known={known} testId="action-lead-org" />
            </Form.Item>
            <Form.Item name="coHandlerOrgIds" label={t('cases.coHandlers')}>
              <OrgSelect known={known} multiple testId="action-co-handlers" />
            </Form.Item>
          </>
        )}
        {needs?.notice && (
          <>
            <Typography.Paragraph type="secondary">{t('cases.noticeHint')}</Typography.Paragraph>
            {(['noticePublishedOn', 'noticeEndsOn'] as const).map((field) => (
              <Form.Item
                key={field}
                name={field}
                label={t(`cases.${field}`)}
                rules={[{ required: needs.notice === 'required', message: t(`cases.${field}`) }]}
              >
                <Input type="date" data-testid={`action-${field}`} />
              </Form.Item>
            ))}
          </>
        )}
        {needs?.reason && (
          <Form.Item
            name="returnReason"
            label={t('cases.returnReason')}
            rules={[{ required: needs.reason === 'required', message: t('cases.required.returnReason') }]}
          >
            <Select
              data-testid="action-return-reason"
              options={RETURN_REASONS.map((r) => ({ value: r, label: t(`cases.returnReasons.${r}`) }))}
            />
          </Form.Item>
        )}
        {needs?.duration && (
          <Form.Item
            name="extension"
            label={t('cases.extension')}
            extra={
              action === 'approveExtension' && requested
                ? t('cases.extensionRequested', { duration: durationLabel(requested, t) })
                : undefined
            }
            rules={[{ required: needs.duration === 'required', message: t('cases.required.extension') }]}
          >
            <Select
              data-testid="action-extension"
              options={[...new Set([...EXTENSIONS, ...(requested ? [requested] : [])])].map((d) => ({
                value: d,
                label: durationLabel(d, t),
              }))}
            />
          </Form.Item>
        )}
        {needs?.satisfaction && (
          <Form.Item
            name="satisfaction"
            label={t('cases.satisfactionLabel')}
            rules={[
              { required: needs.satisfaction === 'required', message: t('cases.required.satisfaction') },
            ]}
          >
            <Radio.Group
              data-testid="action-satisfaction"
              optionType="button"
              buttonStyle="solid"
              options={SATISFACTIONS.map((s) => ({ value: s, label: t(`cases.satisfaction.${s}`) }))}
            />
          </Form.Item>
        )}
        {target === 'case' && (
          <Form.Item
            name="mergeIntoCaseNo"
            label={t('cases.mergeInto')}
            extra={t('cases.mergeHint')}
            rules={[{ required: needs?.target?.need === 'required', message: t('cases.required.mergeInto') }]}
          >
            <MergeTargetSelect
              query={
                view.compound
                  ? {
                      compoundId: view.compound.id,
                      categoryCode: view.categoryCode,
                      attributes: view.attributes,
                      excludeCaseId: view.id,
                    }
                  : null
              }
            />
          </Form.Item>
        )}
        {needs?.evidence && (
          <>
            <Form.Item name="resolved" label={t('cases.resolvedLabel')} valuePropName="checked">
              <Switch
                data-testid="action-resolved"
                checkedChildren={t('cases.resolvedYes')}
                unCheckedChildren={t('cases.resolvedNo')}
              />
            </Form.Item>
            <Form.Item name="photos" label={t('cases.photos.label')}>
              <PhotoPicker testId="action-photos" />
            </Form.Item>
          </>
        )}
        {action && !noteRequired && !asksForMore && (
          <Typography.Paragraph type="secondary">
            {t('cases.confirmText', { action: label })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="note"
          label={
            noteRequired
              ? t(`cases.noteLabel.${action}`, { defaultValue: t('cases.note') })
              : t('cases.noteOptional')
          }
          rules={[
            { required: noteRequired, whitespace: true, message: t('cases.required.note') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={2000} data-testid="action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
