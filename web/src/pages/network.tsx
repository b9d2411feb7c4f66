// Your network: connection requests to answer, people you may know (with
// the reason), introductions for the spaces you host, friends of friends,
// and blocks.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import { usePaged, useResource, useTitle } from '../hooks';
import type { Member, Suggestions } from '../types';
import { MemberCard } from '../components/member_card';
import { BridgeCard, ConnectSuggestionCard } from '../components/suggestions';
import { Empty, ErrorBox, errorText, LoadMore, Loading, PageHeader } from '../components/ui';

function Section({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section class="section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function MemberList({ list, empty, actions }: { list: ReturnType<typeof usePaged<Member>>; empty: string; actions?: (m: Member) => preact.ComponentChildren }) {
  if (list.error && list.items.length === 0) return <ErrorBox error={list.error} retry={list.reload} />;
  if (list.loading && list.items.length === 0) return <Loading />;
  if (list.items.length === 0) return <Empty title={empty} />;
  return (
    <>
      <ul class="member-grid">
        {list.items.map((m) => (
          <MemberCard key={m.handle} member={m}>
            {actions?.(m)}
          </MemberCard>
        ))}
      </ul>
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </>
  );
}

export function NetworkPage() {
  useTitle(t('network.title'));
  const requests = usePaged<Member>('/me/connection-requests');
  const fof = usePaged<Member>('/me/second-degree', 12);
  const blocked = usePaged<Member>('/me/blocked');
  const suggestions = useResource<Suggestions>('/me/suggestions');
  const [busy, setBusy] = useState<string | null>(null);

  async function answer(m: Member, accept: boolean) {
    setBusy(m.handle);
    try {
      if (accept) await api.post(`/members/${m.handle}/connection`);
      else await api.del(`/members/${m.handle}/connection`);
      requests.setItems((items) => items.filter((x) => x.handle !== m.handle));
      toast(accept ? t('network.accepted', { handle: m.handle }) : t('network.declined', { handle: m.handle }));
    } catch (e) {
      toast(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  async function connect(m: Member) {
    setBusy(m.handle);
    try {
      await api.post(`/members/${m.handle}/connection`);
      fof.setItems((items) => items.filter((x) => x.handle !== m.handle));
      if (suggestions.data) suggestions.setData({ ...suggestions.data, connect: suggestions.data.connect.filter((x) => x.handle !== m.handle) });
      toast(t('network.requested', { handle: m.handle }));
    } catch (e) {
      toast(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  async function unblock(m: Member) {
    setBusy(m.handle);
    try {
      await api.del(`/members/${m.handle}/block`);
      blocked.setItems((items) => items.filter((x) => x.handle !== m.handle));
    } catch (e) {
      toast(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title={t('network.title')} />
      <Section id="requests" title={t('network.requests')}>
        <MemberList
          list={requests}
          empty={t('network.no_requests')}
          actions={(m) => (
            <>
              {m.can?.connect && (
                <button type="button" class="btn btn-primary" disabled={busy === m.handle} onClick={() => answer(m, true)}>
                  {t('tie.accept')}
                </button>
              )}
              {m.can?.disconnect && (
                <button type="button" class="btn btn-secondary" disabled={busy === m.handle} onClick={() => answer(m, false)}>
                  {t('tie.decline')}
                </button>
              )}
            </>
          )}
        />
      </Section>
      <Section id="suggestions" title={t('suggest.title')}>
        <p class="muted">{t('suggest.lead')}</p>
        {suggestions.error ? (
          <ErrorBox error={suggestions.error} retry={suggestions.reload} />
        ) : !suggestions.data ? (
          <Loading />
        ) : suggestions.data.connect.length === 0 ? (
          <Empty title={t('suggest.none')} />
        ) : (
          <ul class="member-grid" data-testid="connect-suggestions">
            {suggestions.data.connect.map((m) => (
              <ConnectSuggestionCard key={m.handle} suggestion={m} busy={busy === m.handle} onConnect={() => connect(m)} />
            ))}
          </ul>
        )}
      </Section>
      {suggestions.data && suggestions.data.bridges.length > 0 && (
        <Section id="bridges" title={t('suggest.bridges_title')}>
          <p class="muted">{t('suggest.bridges_lead')}</p>
          <ul class="bridge-list" data-testid="bridge-suggestions">
            {suggestions.data.bridges.map((b) => (
              <BridgeCard key={`${b.space}/${b.member.handle}`} bridge={b} />
            ))}
          </ul>
        </Section>
      )}
      <Section id="second-degree" title={t('network.second_degree')}>
        <p class="muted">{t('network.second_degree_lead')}</p>
        <MemberList
          list={fof}
          empty={t('network.no_second_degree')}
          actions={(m) =>
            m.can?.connect && (
              <button type="button" class="btn btn-secondary" disabled={busy === m.handle} onClick={() => connect(m)}>
                {t('tie.connect')}
              </button>
            )
          }
        />
      </Section>
      <Section id="blocked" title={t('network.blocked')}>
        <MemberList
          list={blocked}
          empty={t('network.no_blocked')}
          actions={(m) =>
            m.can?.unblock && (
              <button type="button" class="btn btn-secondary" disabled={busy === m.handle} onClick={() => unblock(m)}>
                {t('tie.unblock')}
              </button>
            )
          }
        />
      </Section>
    </>
  );
}
