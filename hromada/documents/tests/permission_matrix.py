"""The permission matrix of the EDMS: actors × access levels × actions.

One table per action; rows are the actors of ``factories_matrix``, columns
the access levels. A cell says what the rules decide:

``ok``    allowed;
``no``    the card is visible, the action refused (403 in the API; in the
          cabinet each page answers as its form does, see the tests);
``404``   hidden: the object answers exactly like a missing one;
``gate``  turned away before any object is looked up (a citizen: 403,
          anonymous: the sign-in page, or 401 in the API).

Who is named where (the world of ``factories_matrix``): the office's
registrar registered the incoming card, attached its file and started its
route; the card is addressed to a unit and to that unit's head by name;
the head resolved it to the responsible executor and a co-executor (both in
the unit), with a for-information recipient and a controller from a
control sector; the approver (legal department) holds the pending visa;
the grantee holds an explicit grant. The substitute is the head's deputy in
the unit and acts for the head today. The mayor and the deputy mayor hold
their roles only, no post. The office grants access only to ДСК and
restricted cards, so on open cards the grantee is a stranger.

Rules (access rules of the EDMS issue, ``permissions/visibility.py``): a
card is visible to the people named on it, to its units and the heads above
them, and, while open, to the council-wide roles (office registrars, mayor,
deputy mayors, council secretary); ДСК and restricted cards only to the
people named.
"""

from hromada.documents.tests.factories_matrix import ACTORS, LEVELS

OK = "ok"
NO = "no"
HIDDEN = "404"
GATE = "gate"
OUTCOMES = frozenset({OK, NO, HIDDEN, GATE})
HEADER = ("public", "internal", "ДСК", "restricted")

# See the card (HTML and API detail), find it in the card list and search,
# download its file (and list its files in the API).
SEE = """
                                   public  internal  ДСК    restricted
registrar of the unit               ok      ok        ok     ok
registrar of another unit           ok      ok        404    404
head of the addressed unit          ok      ok        ok     ok
head of the parent unit             ok      ok        404    404
mayor                               ok      ok        404    404
deputy mayor                        ok      ok        404    404
responsible executor                ok      ok        ok     ok
co-executor                         ok      ok        ok     ok
for-information recipient           ok      ok        ok     ok
controller                          ok      ok        ok     ok
approver in the route               ok      ok        ok     ok
named grantee                       404     404       ok     ok
colleague in the addressed unit     ok      ok        404    404
staff of another unit               404     404       404    404
substitute for the head             ok      ok        ok     ok
citizen                             gate    gate      gate   gate
anonymous                           gate    gate      gate   gate
"""

# Put a резолюція on the card: heads (by post, by role, or acting for the
# head) who can see it.
RESOLVE = """
                                   public  internal  ДСК    restricted
registrar of the unit               no      no        no     no
registrar of another unit           no      no        404    404
head of the addressed unit          ok      ok        ok     ok
head of the parent unit             ok      ok        404    404
mayor                               ok      ok        404    404
deputy mayor                        ok      ok        404    404
responsible executor                no      no        no     no
co-executor                         no      no        no     no
for-information recipient           no      no        no     no
controller                          no      no        no     no
approver in the route               no      no        no     no
named grantee                       404     404       no     no
colleague in the addressed unit     no      no        404    404
staff of another unit               404     404       404    404
substitute for the head             ok      ok        ok     ok
citizen                             gate    gate      gate   gate
anonymous                           gate    gate      gate   gate
"""

# Report on the responsible executor's task: that executor only (a
# co-executor reports on their own task, the substitute acts for the head).
REPORT = """
                                   public  internal  ДСК    restricted
registrar of the unit               no      no        no     no
registrar of another unit           no      no        404    404
head of the addressed unit          no      no        no     no
head of the parent unit             no      no        404    404
mayor                               no      no        404    404
deputy mayor                        no      no        404    404
responsible executor                ok      ok        ok     ok
co-executor                         no      no        no     no
for-information recipient           no      no        no     no
controller                          no      no        no     no
approver in the route               no      no        no     no
named grantee                       404     404       no     no
colleague in the addressed unit     no      no        404    404
staff of another unit               404     404       404    404
substitute for the head             no      no        no     no
citizen                             gate    gate      gate   gate
anonymous                           gate    gate      gate   gate
"""

# Decide the approver's pending visa: a task is looked up among the
# caller's own (and those of whom they act for), so others get 404.
DECIDE = """
                                   public  internal  ДСК    restricted
registrar of the unit               404     404       404    404
registrar of another unit           404     404       404    404
head of the addressed unit          404     404       404    404
head of the parent unit             404     404       404    404
mayor                               404     404       404    404
deputy mayor                        404     404       404    404
responsible executor                404     404       404    404
co-executor                         404     404       404    404
for-information recipient           404     404       404    404
controller                          404     404       404    404
approver in the route               ok      ok        ok     ok
named grantee                       404     404       404    404
colleague in the addressed unit     404     404       404    404
staff of another unit               404     404       404    404
substitute for the head             404     404       404    404
citizen                             gate    gate      gate   gate
anonymous                           gate    gate      gate   gate
"""

# The office's work on the other cards of the case: register the draft,
# edit the draft (its author is the registrar), dispatch the outgoing
# letter. No task or route hangs on those cards, so the controller and the
# approver are strangers there, and the executors see them only through
# their unit.
OFFICE_WORK = """
                                   public  internal  ДСК    restricted
registrar of the unit               ok      ok        ok     ok
registrar of another unit           ok      ok        404    404
head of the addressed unit          no      no        no     no
head of the parent unit             no      no        404    404
mayor                               no      no        404    404
deputy mayor                        no      no        404    404
responsible executor                no      no        404    404
co-executor                         no      no        404    404
for-information recipient           no      no        404    404
controller                          404     404       404    404
approver in the route               404     404       404    404
named grantee                       404     404       no     no
colleague in the addressed unit     no      no        404    404
staff of another unit               404     404       404    404
substitute for the head             no      no        no     no
citizen                             gate    gate      gate   gate
anonymous                           gate    gate      gate   gate
"""

# Cancel the registered card: the office only (a draft's author could
# cancel a draft, but this card is numbered).
CANCEL = """
                                   public  internal  ДСК    restricted
registrar of the unit               ok      ok        ok     ok
registrar of another unit           ok      ok        404    404
head of the addressed unit          no      no        no     no
head of the parent unit             no      no        404    404
mayor                               no      no        404    404
deputy mayor                        no      no        404    404
responsible executor                no      no        no     no
co-executor                         no      no        no     no
for-information recipient           no      no        no     no
controller                          no      no        no     no
approver in the route               no      no        no     no
named grantee                       404     404       no     no
colleague in the addressed unit     no      no        404    404
staff of another unit               404     404       404    404
substitute for the head             no      no        no     no
citizen                             gate    gate      gate   gate
anonymous                           gate    gate      gate   gate
"""

Table = dict[str, dict[str, str]]


def table_read(text: str) -> Table:
    """``{actor: {level: outcome}}`` from one of the tables above."""
    header, *rows = text.strip().splitlines()
    if tuple(header.split()) != HEADER:
        raise ValueError(header)
    table: Table = {}
    for row in rows:
        *words, public, internal, dsk, restricted = row.split()
        outcomes = (public, internal, dsk, restricted)
        if not set(outcomes) <= OUTCOMES:
            raise ValueError(row)
        table[" ".join(words)] = dict(zip(LEVELS, outcomes, strict=True))
    if tuple(table) != ACTORS:
        raise ValueError(sorted(set(ACTORS) ^ set(table)))
    return table


MATRIX: dict[str, Table] = {
    "view": table_read(SEE),
    "list": table_read(SEE),
    "download": table_read(SEE),
    "resolve": table_read(RESOLVE),
    "report": table_read(REPORT),
    "decide": table_read(DECIDE),
    "register": table_read(OFFICE_WORK),
    "dispatch": table_read(OFFICE_WORK),
    "cancel": table_read(CANCEL),
    "edit": table_read(OFFICE_WORK),
}
ACTIONS = tuple(MATRIX)


def outcome(action: str, actor: str, level: str) -> str:
    """The cell of the matrix."""
    return MATRIX[action][actor][level]
