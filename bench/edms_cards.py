"""What hangs off each generated card: addressee, resolution and tasks,
search entry. Part of the benchmark fixture of ``bench/edms_data.py``.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from bench import edms_rows
from bench.edms_staff import Staff
from hromada.documents.models import (
    CardClosure,
    Document,
    DocumentAddressee,
    DocumentKind,
    DocumentStatus,
    Resolution,
    ResolutionStatus,
    Task,
    TaskRole,
    TaskStatus,
)
from hromada.org.models import OrgUnit
from hromada.search import lemmatiser, terms
from hromada.search.models import SearchDocument, SearchField

SEARCH_KIND = "documents.document"
# Kinds that come from outside: a correspondent, an addressee, resolutions.
INBOUND = frozenset(
    {
        DocumentKind.INCOMING,
        DocumentKind.APPEAL,
        DocumentKind.PUBLIC_INFO_REQUEST,
        DocumentKind.DEPUTY_APPEAL,
    }
)


class Lemmas:
    """Term groups per distinct string: pymorphy once per subject, not row."""

    def __init__(self) -> None:
        self._cache: dict[str, list[terms.TermGroup]] = {}

    def groups(self, text: str) -> list[terms.TermGroup]:
        found = self._cache.get(text)
        if found is None:
            lemmas = (terms.term_group(x) for x in lemmatiser.lemmatise(text))
            found = [group for group in lemmas if group]
            if len(self._cache) < 200_000:
                self._cache[text] = found
        return found


@dataclass(kw_only=True, slots=True)
class Card:
    """One generated card: its row's values and what its relatives need."""

    values: dict[str, Any]
    unit: OrgUnit
    correspondent: str = ""
    addressee: dict[str, Any] | None = None


@dataclass(slots=True)
class Tables:
    """The rows of every generated table, written batch by batch."""

    documents: edms_rows.Rows = field(default_factory=lambda: _rows(Document))
    addressees: edms_rows.Rows = field(default_factory=lambda: _rows(DocumentAddressee))
    resolutions: edms_rows.Rows = field(default_factory=lambda: _rows(Resolution))
    tasks: edms_rows.Rows = field(default_factory=lambda: _rows(Task))
    entries: edms_rows.Rows = field(default_factory=lambda: _rows(SearchDocument))
    search_fields: edms_rows.Rows = field(default_factory=lambda: _rows(SearchField))

    def in_order(self) -> tuple[edms_rows.Rows, ...]:
        """Every table, parents before the rows that point at them."""
        return (
            self.documents,
            self.addressees,
            self.resolutions,
            self.tasks,
            self.entries,
            self.search_fields,
        )


def _rows(model: type[models.Model]) -> edms_rows.Rows:
    return edms_rows.Rows(model)


def addressees(batch: list[Card], tables: Tables) -> None:
    for card in batch:
        if card.values["kind"] in INBOUND:
            moment = card.values["created_at"]
            card.addressee = {
                "document_id": card.values["id"],
                "org_unit_id": card.unit.pk,
                "created_at": moment,
                "updated_at": moment,
            }
            tables.addressees.add(card.addressee)


# An office resolves its mail within days: a card the history leaves
# without a resolution waits on its head's desk ("To resolve") if it came
# in lately, and was filed «До справи» by the head if it is older.
WAITS_FOR = timedelta(days=3)


def resolutions(
    rng: random.Random,
    staff: Staff,
    batch: list[Card],
    chance: float,
    today: date,
    tables: Tables,
) -> None:
    """Resolve a share ``chance`` of the registered inbound cards.

    The rest wait for a resolution (``WAITS_FOR``) or were filed «До
    справи», as services/awaiting.py and services/closing.py leave them.
    """
    waiting_since = timezone.now() - WAITS_FOR
    for card in batch:
        document = card.values
        if (
            document["kind"] not in INBOUND
            or document["status"] != DocumentStatus.REGISTERED
        ):
            continue
        head = staff.heads[card.unit.pk]
        if rng.random() >= chance:
            if document["registered_at"] > waiting_since:
                if card.addressee is not None:
                    card.addressee["awaiting_resolution"] = True
            else:
                closed = document["registered_at"] + timedelta(hours=rng.randint(2, 30))
                document.update(
                    closed_as=CardClosure.TO_FILE,
                    closed_at=closed,
                    closed_by_id=head.pk,
                    holder_id=None,
                    held_since=closed,
                )
            continue
        people = staff.members[card.unit.pk]
        signed = document["registered_at"] + timedelta(hours=rng.randint(2, 30))
        due = document["due_on"]
        resolution = tables.resolutions.add(
            {
                "public_id": uuid.uuid4(),
                "document_id": document["id"],
                "author_id": head.pk,
                "entered_by_id": head.pk,
                "text": "Розглянути та підготувати відповідь у встановлений строк",
                "due_on": due,
                "due_rule": "task.default",
                "status": ResolutionStatus.ACTIVE,
                "signed_at": signed,
                "controller_id": head.pk,
                "created_at": signed,
                "updated_at": signed,
            }
        )
        executors = rng.sample(people[1:], 2 if rng.random() < 0.25 else 1)
        roles = (TaskRole.RESPONSIBLE, TaskRole.CO_EXECUTOR)
        for executor, role in zip(executors, roles, strict=False):
            task: dict[str, Any] = {
                "public_id": uuid.uuid4(),
                "resolution_id": resolution,
                "document_id": document["id"],
                "executor_id": executor.pk,
                "role": role,
                "controller_id": head.pk,
                # A co-executor reports to the responsible executor.
                "reviewer_id": (
                    executors[0].pk if role == TaskRole.CO_EXECUTOR else head.pk
                ),
                "due_on": due,
                "assigned_at": signed,
                "created_at": signed,
                "updated_at": signed,
                "status": TaskStatus.ASSIGNED,
            }
            if due < today - timedelta(days=20) or rng.random() < 0.5:
                task["status"] = TaskStatus.DONE
                late = rng.random() < 0.1
                done = (
                    due + timedelta(days=rng.randint(1, 10))
                    if late
                    else due - timedelta(days=rng.randint(0, 20))
                )
                task["done_on"] = min(max(done, document["registered_on"]), today)
            elif rng.random() < 0.3:
                task["status"] = TaskStatus.REPORTED
            tables.tasks.add(task)


def index(batch: list[Card], lemmas: Lemmas, tables: Tables) -> None:
    for card in batch:
        document = card.values
        if document["status"] == DocumentStatus.DRAFT:
            continue
        number = document["registration_number"]
        summary = document["summary"]
        body = "\n".join(p for p in (summary, card.correspondent) if p)
        fields = {
            "registration_number": number,
            "correspondent_number": document["correspondent_number"],
        }
        number_groups = lemmas.groups(number)
        summary_groups = lemmas.groups(summary)
        body_groups = summary_groups + lemmas.groups(card.correspondent)
        field_groups = [number_groups, lemmas.groups(fields["correspondent_number"])]
        entry = tables.entries.add(
            {
                "public_id": uuid.uuid4(),
                "kind": SEARCH_KIND,
                "object_id": str(document["public_id"]),
                "title": f"{number} {summary}"[:1000],
                "body": body,
                "title_lemmas": terms.groups_text(number_groups + summary_groups),
                "lemmas": terms.segments_text([body_groups, *field_groups]),
                "fields": fields,
                "is_public": False,
                "created_at": document["created_at"],
                "updated_at": document["created_at"],
            }
        )
        for name, value in fields.items():
            tables.search_fields.add(
                {
                    "document_id": entry,
                    "name": name,
                    "value": lemmatiser.normalise_value(value),
                }
            )
