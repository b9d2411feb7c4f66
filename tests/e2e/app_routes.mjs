// The app's routes and the community they are shown on, shared by the
// browser tests that walk every screen (routes.test.mjs, a11y.test.mjs).
// Each route is [path, screenshot name or null].

// A small community with something on every screen: profiles with skills,
// follows and connections (one request waiting for Ada), an open and a
// closed space with a join request and an invite, an article with threaded
// replies, a reaction and reports for the moderation queues.
export async function seed(server) {
  const ada = await server.member('ada', {
    display_name: 'Ada Lovelace',
    bio: 'Fixes bicycles and writes programs.',
    skills: ['Welding', 'Bicycle repair', 'Python'],
    interests: ['jazz', 'chess'],
    home_place: 'Utrecht Lombok',
  });
  const bob = await server.member('bob', { display_name: 'Bob Jansen', skills: ['Carpentry'], interests: ['jazz'] });
  const carol = await server.member('carol', { display_name: 'Carol Smit', skills: ['Cooking'] });
  const dan = await server.member('dan', { display_name: 'Dan de Vries' });
  await ada.call('POST', '/members/bob/follow');
  await bob.call('POST', '/members/ada/follow');
  await ada.call('POST', '/members/bob/connection');
  await bob.call('POST', '/members/ada/connection');
  await bob.call('POST', '/members/carol/connection');
  await carol.call('POST', '/members/bob/connection');
  await dan.call('POST', '/members/ada/connection'); // a request waiting for Ada
  await ada.call('POST', '/spaces', { name: 'Repair Café', slug: 'repair-cafe', kind: 'community', visibility: 'open', description: 'We fix things together.' });
  await ada.call('POST', '/spaces', { name: 'Garden Team', slug: 'garden', kind: 'team', visibility: 'closed', description: 'The roof garden crew.' });
  await bob.call('POST', '/spaces/repair-cafe/members');
  await carol.call('POST', '/spaces/garden/members'); // a join request
  await bob.call('POST', '/spaces', { name: 'Jazz Club', slug: 'jazz', kind: 'community', visibility: 'open', description: 'Fridays.' });
  await bob.call('POST', '/spaces/jazz/invites', { handle: 'ada' });
  const item = await ada.call('POST', '/items', {
    kind: 'article',
    title: 'How we fixed the lamp',
    body: 'It took **three** Saturdays.\n\n- new cable\n- new switch\n\n#repair #lamps thanks @bob',
    visibility: 'public',
    space: 'repair-cafe',
  });
  await ada.call('POST', '/items', { kind: 'question', title: 'Who has a ladder?', body: 'For the gutter. #repair', visibility: 'members' });
  const reply = await bob.call('POST', `/items/${item.id}/replies`, { body: 'Nice work! The *switch* was the hard part.' });
  await ada.call('POST', `/items/${item.id}/replies`, { body: 'It was.', parent: reply.id });
  await bob.call('PUT', `/items/${item.id}/reactions/like`);
  await carol.call('POST', '/reports', { target_type: 'item', target_id: item.id, reason: 'Testing the queue.' }).catch(() => null);
  await dan.call('POST', '/reports', { target_type: 'reply', target_id: reply.id, reason: 'Just checking.' });
  // An offer lent to Ada, for the lending panel and My loans.
  const offer = await bob.call('POST', '/items', { kind: 'offer', offer: 'lend', title: 'A ladder to lend', body: 'Three metres.', visibility: 'public', space: 'repair-cafe' });
  await ada.call('POST', `/items/${offer.id}/reservation`);
  await bob.call('POST', `/items/${offer.id}/lend`, { due_at: new Date(Date.now() + 7 * 86400000).toISOString() });
  return { itemId: item.id, offerId: offer.id };
}

// What an anonymous visitor can open.
export function anonymousRoutes(ids) {
  return [
    ['/', 'welcome'],
    ['/explore', 'explore'],
    ['/members', null],
    ['/members?skill=welding', null],
    ['/members/ada', 'profile-anonymous'],
    ['/members/ada/followers', null],
    ['/spaces', null],
    ['/spaces/repair-cafe', null],
    ['/spaces/repair-cafe/queue', null],
    [`/items/${ids.itemId}`, null],
    [`/items/${ids.offerId}`, null],
    ['/tags/repair', null],
    ['/search?q=lamp', null],
    ['/map', null],
    ['/spaces/repair-cafe/map', null],
    ['/events', null],
    ['/spaces/repair-cafe/events', null],
    ['/exchange', null],
    ['/spaces/repair-cafe/exchange', null],
    ['/login', 'login'],
    ['/signup', 'signup'],
    ['/no/such/page', 'not-found'],
  ];
}

// Screens for members: an anonymous visitor is sent to log in.
export const MEMBER_ONLY = ['/notifications', '/settings', '/network', '/profile/edit', '/spaces/new', '/analytics',
  '/spaces/repair-cafe/report', '/me/loans', '/me/contributions'];

// What Ada, a member who hosts both spaces, sees.
export function memberRoutes(ids) {
  return [
    ['/', 'home'],
    ['/explore', null],
    ['/members', 'directory'],
    ['/members?skill=carpentry', null],
    ['/members?interest=jazz', null],
    ['/members/ada', 'profile-self'],
    ['/members/bob', 'profile-other'],
    ['/members/bob/followers', null],
    ['/members/bob/following', null],
    ['/members/bob/connections', null],
    ['/profile/edit', 'profile-edit'],
    ['/network', 'network'],
    ['/spaces', 'spaces'],
    ['/spaces/new', 'space-new'],
    ['/spaces/repair-cafe', 'space'],
    ['/spaces/repair-cafe/members', 'space-members'],
    ['/spaces/repair-cafe/reports', 'moderation-queue'],
    ['/spaces/repair-cafe/queue', null],
    ['/spaces/repair-cafe/settings', null],
    ['/spaces/garden', null],
    ['/spaces/garden/requests', 'join-requests'],
    [`/items/${ids.itemId}`, 'item'],
    [`/items/${ids.offerId}`, 'offer'],
    ['/me/loans', 'my-loans'],
    ['/me/loans?role=lent&state=past', null],
    ['/tags/repair', null],
    ['/notifications', 'notifications'],
    ['/me/contributions', 'my-contributions'],
    ['/search?q=repair', 'search'],
    ['/search?q=ada&type=members', null],
    ['/search?q=repair&type=spaces', null],
    ['/settings', 'settings'],
    ['/moderation', null],
    ['/map', null],
    ['/spaces/repair-cafe/map', null],
    ['/exchange?kind=offer', null],
    ['/spaces/repair-cafe/exchange', 'exchange'],
    ['/spaces/repair-cafe/report', null],
    ['/events', 'events'],
    ['/events?when=past', null],
    ['/spaces/repair-cafe/events', null],
    ['/analytics', 'analytics-small'],
    ['/analytics?scope=space:repair-cafe', null],
    ['/analytics?scope=tag:repair', null],
    ['/no/such/page', null],
  ];
}
