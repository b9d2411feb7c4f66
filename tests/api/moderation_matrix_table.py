"""The expected answers of the moderation and administration matrix, as data.

One grid per action: a row per actor, a column per place, each cell the
status the server must answer. test_moderation_matrix.py reads the grids; a
2xx cell must change the state the action names, every other cell must
change nothing (and, where the actor may not know the target exists, answer
exactly as for a target that does not exist).

Actors (every one holds the same standing in each of the three spaces):
  anonymous  no session
  nonmember  signed in, in no space
  invited    invited to the space by its owner, not (yet) joined
  member     a plain member of the space
  author     a plain member of the space who wrote the item and the reply acted on
  moderator  the space's moderator
  owner      the space's owner
  admin      instance admin, in no space
  analyst    instance analyst, in no space
  susmod     a moderator of the space, suspended by an admin
  susowner   a second owner of the space, suspended
  susadmin   a second instance admin, in no space, suspended
  former     left the space
  removed    removed from the space by its owner

Places: the open, closed and secret space; `profile`, an item posted
outside spaces (public); `instance`, the instance-wide queue, network and
member administration.

Where DESIGN.md's rule book and the README are silent, the cells follow one
reading, noted above each grid:
  - Suspended means read-only, so a suspended actor gets 403 for every
    action here, before anything is looked up: the same 403 for a target
    that does not exist, so it tells nothing about a secret space.
  - Hosts (moderators, owners) moderate their space; owners alone set space
    roles, archive the space and remove an owner. An instance admin
    moderates content outside spaces and where they may read the space's
    content (open spaces); a closed or secret space's discussion is its
    hosts' alone, and stays as invisible to an admin who is no member there
    as to anyone else (404). Membership (remove, decide, invite), archiving
    and a space's report queue are the hosts' even in an open space: an
    admin who is no member gets 403.
  - A report is visible only in the queue of those who handle it, so
    resolving one you do not handle is 404, never 403. Anyone who may read
    an item may report it but its author, who edits or deletes it instead.
  - Any member of an open space may invite; an invitation gives no access
    to content (an invited member reads a closed or secret space's content
    no more than an outsider) but makes the secret space exist for them.
"""

ACTORS = ["anonymous", "nonmember", "invited", "member", "author", "moderator", "owner", "admin",
          "analyst", "susmod", "susowner", "susadmin", "former", "removed"]

# Actors who may not know that the secret space exists: every answer they
# get about it must be the answer for a space that does not exist.
SECRET_OUTSIDERS = {"anonymous", "nonmember", "admin", "analyst", "susadmin", "former", "removed"}


def grid(text):
    """{place: {actor: status}} from a table: a header of places, then one
    row per actor. Every actor has a row, every row a cell per place."""
    lines = [line.split() for line in text.strip().splitlines()]
    places = lines[0]
    table = {place: {} for place in places}
    for row in lines[1:]:
        actor, cells = row[0], row[1:]
        assert actor in ACTORS, f"unknown actor {actor!r}"
        assert len(cells) == len(places), f"row {actor!r} needs {len(places)} cells"
        for place, cell in zip(places, cells):
            table[place][actor] = int(cell)
    for place in places:
        missing = set(ACTORS) - set(table[place])
        assert not missing, f"no row for {sorted(missing)}"
    return table


# Hiding an item or a reply: the space's hosts; an admin where they read the
# space's content, and outside spaces. Others who can read it: 403; who
# cannot: 404.
HIDE = grid("""
              open  closed  secret  profile
  anonymous    401    401     401     401
  nonmember    403    404     404     403
  invited      403    404     404     403
  member       403    403     403     403
  author       403    403     403     403
  moderator    204    204     204     403
  owner        204    204     204     403
  admin        204    404     404     204
  analyst      403    404     404     403
  susmod       403    403     403     403
  susowner     403    403     403     403
  susadmin     403    403     403     403
  former       403    404     404     403
  removed      403    404     404     403
""")

# Unhiding an item: as hiding, but a hidden item is readable only by its
# author, so everyone else who may not unhide it gets 404.
UNHIDE_ITEM = grid("""
              open  closed  secret  profile
  anonymous    401    401     401     401
  nonmember    404    404     404     404
  invited      404    404     404     404
  member       404    404     404     404
  author       403    403     403     403
  moderator    204    204     204     404
  owner        204    204     204     404
  admin        204    404     404     204
  analyst      404    404     404     404
  susmod       403    403     403     403
  susowner     403    403     403     403
  susadmin     403    403     403     403
  former       404    404     404     404
  removed      404    404     404     404
""")

# Deleting an item or a reply: its author too, besides whoever may hide it.
DELETE = grid("""
              open  closed  secret  profile
  anonymous    401    401     401     401
  nonmember    403    404     404     403
  invited      403    404     404     403
  member       403    403     403     403
  author       204    204     204     204
  moderator    204    204     204     403
  owner        204    204     204     403
  admin        204    404     404     204
  analyst      403    404     404     403
  susmod       403    403     403     403
  susowner     403    403     403     403
  susadmin     403    403     403     403
  former       403    404     404     403
  removed      403    404     404     403
""")

# Resolving a report on the place's item: space reports are the hosts',
# reports on content outside spaces the admins'.
RESOLVE_REPORT = grid("""
              open  closed  secret  profile
  anonymous    401    401     401     401
  nonmember    404    404     404     404
  invited      404    404     404     404
  member       404    404     404     404
  author       404    404     404     404
  moderator    204    204     204     404
  owner        204    204     204     404
  admin        404    404     404     204
  analyst      404    404     404     404
  susmod       403    403     403     403
  susowner     403    403     403     403
  susadmin     403    403     403     403
  former       404    404     404     404
  removed      404    404     404     404
""")

# Reporting an item: whoever may read it (the author too).
REPORT_ITEM = grid("""
              open  closed  secret  profile
  anonymous    401    401     401     401
  nonmember    201    404     404     201
  invited      201    404     404     201
  member       201    201     201     201
  author       403    403     403     403
  moderator    201    201     201     201
  owner        201    201     201     201
  admin        201    404     404     201
  analyst      201    404     404     201
  susmod       403    403     403     403
  susowner     403    403     403     403
  susadmin     403    403     403     403
  former       201    404     404     201
  removed      201    404     404     201
""")

# Removing a plain member from the space.
REMOVE_MEMBER = grid("""
              open  closed  secret
  anonymous    401    401     401
  nonmember    403    403     404
  invited      403    403     403
  member       403    403     403
  author       403    403     403
  moderator    200    200     200
  owner        200    200     200
  admin        403    403     404
  analyst      403    403     404
  susmod       403    403     403
  susowner     403    403     403
  susadmin     403    403     403
  former       403    403     404
  removed      403    403     404
""")

# Removing a second owner: owners only ("moderators cannot remove an owner").
REMOVE_OWNER = grid("""
              open  closed  secret
  anonymous    401    401     401
  nonmember    403    403     404
  invited      403    403     403
  member       403    403     403
  author       403    403     403
  moderator    403    403     403
  owner        200    200     200
  admin        403    403     404
  analyst      403    403     404
  susmod       403    403     403
  susowner     403    403     403
  susadmin     403    403     403
  former       403    403     404
  removed      403    403     404
""")

# Approving or declining a join request. Only the closed space has one pending: in the
# open and secret spaces the same member has asked for nothing, so hosts
# find no request (404).
DECIDE_REQUEST = grid("""
              open  closed  secret
  anonymous    401    401     401
  nonmember    403    403     404
  invited      403    403     403
  member       403    403     403
  author       403    403     403
  moderator    404    200     404
  owner        404    200     404
  admin        403    403     404
  analyst      403    403     404
  susmod       403    403     403
  susowner     403    403     403
  susadmin     403    403     403
  former       403    403     404
  removed      403    403     404
""")

# Inviting a member: any member of an open space, the hosts of the others.
INVITE = grid("""
              open  closed  secret
  anonymous    401    401     401
  nonmember    403    403     404
  invited      403    403     403
  member       200    403     403
  author       200    403     403
  moderator    200    200     200
  owner        200    200     200
  admin        403    403     404
  analyst      403    403     404
  susmod       403    403     403
  susowner     403    403     403
  susadmin     403    403     403
  former       403    403     404
  removed      403    403     404
""")

# Making a plain member a moderator: owners only.
SET_SPACE_ROLE = grid("""
              open  closed  secret
  anonymous    401    401     401
  nonmember    403    403     404
  invited      403    403     403
  member       403    403     403
  author       403    403     403
  moderator    403    403     403
  owner        200    200     200
  admin        403    403     404
  analyst      403    403     404
  susmod       403    403     403
  susowner     403    403     403
  susadmin     403    403     403
  former       403    403     404
  removed      403    403     404
""")

# Archiving the space: owners only, as setting roles.
ARCHIVE_SPACE = SET_SPACE_ROLE

# Reading a report queue: a space's (its hosts) or the instance's (admins).
VIEW_REPORTS = grid("""
              open  closed  secret  instance
  anonymous    401    401     401      401
  nonmember    403    403     404      403
  invited      403    403     403      403
  member       403    403     403      403
  author       403    403     403      403
  moderator    200    200     200      403
  owner        200    200     200      403
  admin        403    403     404      200
  analyst      403    403     404      403
  susmod       403    403     403      403
  susowner     403    403     403      403
  susadmin     403    403     403      403
  former       403    403     404      403
  removed      403    403     404      403
""")

# A network's figures, communities, map or one member's panel (here a
# plain member's), of a space (its hosts; analysts and admins where they
# read the space's content) or of the instance (analysts and admins).
VIEW_NETWORK = grid("""
              open  closed  secret  instance
  anonymous    401    401     401      401
  nonmember    403    403     404      403
  invited      403    403     403      403
  member       403    403     403      403
  author       403    403     403      403
  moderator    200    200     200      403
  owner        200    200     200      403
  admin        200    403     404      200
  analyst      200    403     404      200
  susmod       403    403     403      403
  susowner     403    403     403      403
  susadmin     403    403     403      403
  former       403    403     404      403
  removed      403    403     404      403
""")

# Suspending, reinstating, giving an instance role: admins only.
ADMIN_ONLY = grid("""
              instance
  anonymous      401
  nonmember      403
  invited        403
  member         403
  author         403
  moderator      403
  owner          403
  admin          204
  analyst        403
  susmod         403
  susowner       403
  susadmin       403
  former         403
  removed        403
""")

EXPECTED = {
    "hide item": HIDE,
    "unhide item": UNHIDE_ITEM,
    "delete item": DELETE,
    "hide reply": HIDE,
    "unhide reply": HIDE,  # hiding a reply leaves its item readable
    "delete reply": DELETE,
    "report item": REPORT_ITEM,
    "resolve report": RESOLVE_REPORT,
    "remove member": REMOVE_MEMBER,
    "remove owner": REMOVE_OWNER,
    "approve join request": DECIDE_REQUEST,
    "decline join request": DECIDE_REQUEST,
    "invite": INVITE,
    "set space role": SET_SPACE_ROLE,
    "archive space": ARCHIVE_SPACE,
    "view reports": VIEW_REPORTS,
    "view network metrics": VIEW_NETWORK,
    "view network communities": VIEW_NETWORK,
    "view network graph": VIEW_NETWORK,
    "view a member's network panel": VIEW_NETWORK,
    "suspend": ADMIN_ONLY,
    "reinstate": ADMIN_ONLY,
    "grant analyst": ADMIN_ONLY,
    "grant admin": ADMIN_ONLY,
}
