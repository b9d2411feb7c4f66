// The fields of a request, offer, initiative or event on its card, in one
// compact line each: when, where, the offer's mode, the skills, the places,
// the goals, the deadline and the minimum, when it expires. Shows what the
// server sent: it sends exactly the fields the item's kind takes.
import type { ComponentChildren } from 'preact';
import { formatGoal, formatMoment, formatSpan } from '../exchange/amounts';
import { t, tn } from '../i18n';
import type { Item } from '../types';

function Fact({ name, label, children }: { name: string; label: string; children: ComponentChildren }) {
  return (
    <div class="exchange-fact" data-fact={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ExchangeFacts({ item }: { item: Item }) {
  const facts: ComponentChildren[] = [];
  if (item.starts_at) {
    facts.push(
      <Fact key="when" name="when" label={t('exchange.fact.when')}>
        <time dateTime={item.starts_at}>{formatSpan(item.starts_at, item.ends_at)}</time>
      </Fact>,
    );
  }
  if (item.offer) {
    facts.push(
      <Fact key="mode" name="mode" label={t('exchange.field.offer')}>
        {t(`exchange.offer_mode.${item.offer}`)}
      </Fact>,
    );
  }
  if (item.location?.address && (item.starts_at !== undefined || item.offer !== undefined || item.goals !== undefined || item.skills !== undefined)) {
    facts.push(
      <Fact key="where" name="where" label={t('exchange.fact.where')}>
        {item.location.address}
      </Fact>,
    );
  }
  if (item.capacity) {
    facts.push(
      <Fact key="capacity" name="capacity" label={t('exchange.field.capacity')}>
        {tn('exchange.places', item.capacity)}
      </Fact>,
    );
  }
  if (item.goals?.length) {
    facts.push(
      <Fact key="goals" name="goals" label={t('exchange.field.goals')}>
        {item.goals.map(formatGoal).join(' · ')}
      </Fact>,
    );
  }
  if (item.deadline) {
    facts.push(
      <Fact key="deadline" name="deadline" label={t('exchange.field.deadline')}>
        <time dateTime={item.deadline}>{formatMoment(item.deadline)}</time>
        {item.minimum ? ` · ${t('exchange.fact.minimum', { n: item.minimum })}` : ''}
      </Fact>,
    );
  }
  if (item.expires_at) {
    facts.push(
      <Fact key="expires" name="expires" label={t('exchange.field.expires_at')}>
        <time dateTime={item.expires_at}>{formatMoment(item.expires_at)}</time>
      </Fact>,
    );
  }
  if (item.skills?.length) {
    facts.push(
      <Fact key="skills" name="skills" label={t('exchange.field.skills')}>
        {item.skills.join(', ')}
      </Fact>,
    );
  }
  if (facts.length === 0) return null;
  return <dl class="exchange-facts">{facts}</dl>;
}
