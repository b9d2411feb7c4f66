// Suggestions from the network (/me/suggestions): people you may know, each
// with the reason (mutual connections, shared skills, shared spaces), and
// for hosts of a space the introductions that would tie an isolated or
// peripheral member to the rest, with how far their reach would grow.
import { t, tn } from '../i18n';
import { Link } from '../router';
import type { BridgeSuggestion, ConnectSuggestion } from '../types';
import { MemberCard } from './member_card';
import { Avatar, MemberLink } from './ui';

function Handles({ handles, max = 3 }: { handles: string[]; max?: number }) {
  return (
    <>
      {handles.slice(0, max).map((h, i) => (
        <span key={h}>
          {i > 0 && ', '}
          <Link href={`/members/${encodeURIComponent(h)}`}>@{h}</Link>
        </span>
      ))}
      {handles.length > max && <> {t('suggest.and_more', { n: handles.length - max })}</>}
    </>
  );
}

export function SuggestionReasons({ reason }: { reason: ConnectSuggestion['reason'] }) {
  const { mutual_connections: mutual, shared_skills: skills, shared_spaces: spaces } = reason;
  if (!mutual.length && !skills.length && !spaces.length) return null;
  return (
    <ul class="reasons" aria-label={t('suggest.why')}>
      {mutual.length > 0 && (
        <li data-reason="mutual">
          <span class="reason-kind">{tn('suggest.mutual', mutual.length)}:</span> <Handles handles={mutual} />
        </li>
      )}
      {skills.length > 0 && (
        <li data-reason="skills">
          <span class="reason-kind">{t('suggest.skills')}:</span> {skills.join(', ')}
        </li>
      )}
      {spaces.length > 0 && (
        <li data-reason="spaces">
          <span class="reason-kind">{t('suggest.spaces')}:</span>{' '}
          {spaces.slice(0, 3).map((s, i) => (
            <span key={s}>
              {i > 0 && ', '}
              <Link href={`/spaces/${encodeURIComponent(s)}`}>{s}</Link>
            </span>
          ))}
        </li>
      )}
    </ul>
  );
}

export function ConnectSuggestionCard({ suggestion, busy, onConnect }: { suggestion: ConnectSuggestion; busy: boolean; onConnect: () => void }) {
  return (
    <MemberCard member={suggestion} details={<SuggestionReasons reason={suggestion.reason} />}>
      {suggestion.can?.connect && (
        <button type="button" class="btn btn-primary btn-small" disabled={busy} onClick={onConnect}>
          {t('tie.connect')}
        </button>
      )}
    </MemberCard>
  );
}

export function BridgeCard({ bridge }: { bridge: BridgeSuggestion }) {
  const gain = bridge.reach_after - bridge.reach_before;
  const widest = Math.max(bridge.reach_after, 1);
  return (
    <li class="card bridge-card" data-member={bridge.member.handle} data-bridge={bridge.bridge.handle}>
      <p class="bridge-space small muted">
        {t('suggest.in_space')} <Link href={`/spaces/${encodeURIComponent(bridge.space)}`}>{bridge.space_name}</Link>
      </p>
      <div class="bridge-pair">
        <div class="bridge-person">
          <Avatar member={bridge.member} size={40} />
          <div>
            <MemberLink member={bridge.member} />
            <p class="small muted">{t(`suggest.position.${bridge.position === 'isolate' ? 'isolate' : 'peripheral'}`)}</p>
          </div>
        </div>
        <span class="bridge-arrow" aria-hidden="true">
          ⟷
        </span>
        <span class="visually-hidden">{t('suggest.introduce_to')}</span>
        <div class="bridge-person">
          <Avatar member={bridge.bridge} size={40} />
          <div>
            <MemberLink member={bridge.bridge} />
          </div>
        </div>
      </div>
      <div class="reach" data-before={bridge.reach_before} data-after={bridge.reach_after}>
        <p class="reach-text">
          {t('suggest.reach', { before: bridge.reach_before, after: bridge.reach_after })} <strong class="reach-gain">+{gain}</strong>
        </p>
        <span class="reach-bars" aria-hidden="true">
          <span class="reach-before" style={{ width: `${(bridge.reach_before / widest) * 100}%` }} />
          <span class="reach-after" style={{ width: `${(gain / widest) * 100}%` }} />
        </span>
      </div>
      {bridge.shared_skills.length > 0 && (
        <p class="small">
          <span class="reason-kind">{t('suggest.skills')}:</span> {bridge.shared_skills.join(', ')}
        </p>
      )}
    </li>
  );
}
