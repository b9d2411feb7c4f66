// The directory and "who knows what": find members by name, skill or interest.
import { useEffect, useState } from 'preact/hooks';
import { withQuery } from '../api';
import { t } from '../i18n';
import { usePaged, useTitle } from '../hooks';
import { navigate, useLocation } from '../router';
import type { Member } from '../types';
import { MemberCard } from '../components/member_card';
import { Empty, ErrorBox, LoadMore, Loading, PageHeader } from '../components/ui';

export function DirectoryPage() {
  useTitle(t('directory.title'));
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const skill = loc.query.get('skill') ?? '';
  const interest = loc.query.get('interest') ?? '';
  const [form, setForm] = useState({ q, skill, interest });
  useEffect(() => setForm({ q, skill, interest }), [q, skill, interest]);
  const list = usePaged<Member>(withQuery('/members', { q, skill, interest }), 24);
  const filtered = !!(q || skill || interest);

  return (
    <>
      <PageHeader title={t('directory.title')} />
      <p class="lead">{t('directory.lead')}</p>
      <form
        class="card filter-form"
        role="search"
        aria-label={t('directory.search_label')}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery('/members', { q: form.q.trim(), skill: form.skill.trim(), interest: form.interest.trim() }));
        }}
      >
        <div class="field">
          <label for="dir-q">{t('directory.name')}</label>
          <input id="dir-q" type="search" value={form.q} onInput={(e) => setForm({ ...form, q: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="dir-skill">{t('directory.skill')}</label>
          <input id="dir-skill" type="search" placeholder={t('directory.skill_placeholder')} value={form.skill} onInput={(e) => setForm({ ...form, skill: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="dir-interest">{t('directory.interest')}</label>
          <input id="dir-interest" type="search" placeholder={t('directory.interest_placeholder')} value={form.interest} onInput={(e) => setForm({ ...form, interest: e.currentTarget.value })} />
        </div>
        <div class="filter-actions">
          <button type="submit" class="btn btn-primary">
            {t('action.search')}
          </button>
          {filtered && (
            <button type="button" class="btn btn-secondary" onClick={() => navigate('/members')}>
              {t('action.clear')}
            </button>
          )}
        </div>
      </form>
      {list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title={filtered ? t('directory.none') : t('directory.empty')}>{filtered && <p>{t('directory.none_hint')}</p>}</Empty>
      ) : (
        <>
          <p class="result-count" aria-live="polite">
            {skill ? t('directory.who_knows', { skill }) : interest ? t('directory.who_likes', { interest }) : t('directory.members')}
          </p>
          <ul class="member-grid" aria-label={t('directory.results')}>
            {list.items.map((m) => (
              <MemberCard key={m.handle} member={m} highlight={skill} />
            ))}
          </ul>
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
