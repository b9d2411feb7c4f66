import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { Link } from '../router';
import type { Member } from '../types';
import { Icon } from './icons';
import { Avatar, Chips, MemberLink } from './ui';

// A member in a list: who they are, what they know, optional details (such
// as why they are suggested) and optional actions.
export function MemberCard({ member, highlight, details, children }: { member: Member; highlight?: string; details?: ComponentChildren; children?: ComponentChildren }) {
  const skills = member.skills ?? [];
  const h = highlight?.toLowerCase();
  const ordered = h ? [...skills].sort((a, b) => Number(b.toLowerCase().includes(h)) - Number(a.toLowerCase().includes(h))) : skills;
  return (
    <li class="card member-card" data-handle={member.handle}>
      <Avatar member={member} size={48} />
      <div class="member-card-body">
        <MemberLink member={member} />
        {member.home_place && (
          <p class="muted small with-icon">
            <Icon name="place" size={14} /> {member.home_place}
          </p>
        )}
        {member.bio && <p class="member-bio">{member.bio.length > 160 ? member.bio.slice(0, 157) + '…' : member.bio}</p>}
        {ordered.length > 0 && (
          <div class="member-skills">
            <span class="visually-hidden">{t('profile.skills')}: </span>
            <Chips values={ordered.slice(0, 6)} href={(s) => `/members?skill=${encodeURIComponent(s)}`} />
          </div>
        )}
        {member.via && member.via.length > 0 && (
          <p class="muted small">
            {t('network.via')}{' '}
            {member.via.slice(0, 3).map((v, i) => (
              <span key={v.handle}>
                {i > 0 && ', '}
                <Link href={`/members/${v.handle}`}>{v.display_name || v.handle}</Link>
              </span>
            ))}
          </p>
        )}
        {details}
      </div>
      {children && <div class="member-card-actions">{children}</div>}
    </li>
  );
}
