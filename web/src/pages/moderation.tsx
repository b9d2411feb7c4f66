// The instance-wide moderation queue, for admins (space hosts use the
// Moderation tab of their space).
import { t } from '../i18n';
import { useTitle } from '../hooks';
import { seesInstanceReports, useMe } from '../session';
import { Empty, PageHeader } from '../components/ui';
import { ReportQueue } from './space';

export function ModerationPage() {
  useTitle(t('moderation.title'));
  const me = useMe();
  return (
    <>
      <PageHeader title={t('moderation.title')} />
      <p class="lead">{t('moderation.lead')}</p>
      {seesInstanceReports(me) ? <ReportQueue path="/reports" /> : <Empty title={t('error.forbidden')} />}
    </>
  );
}
