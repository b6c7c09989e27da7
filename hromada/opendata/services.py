"""Writes of the open-data catalogue: passports, publication, refreshes.

Every write is audited in its own transaction. ``actor=None`` means the
system: the schedule, the demo loader or a management command, which act
with the operator's authority; a person must be a catalogue keeper
(``permissions.can_keep_catalogue``).
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from hromada.accounts.models import User
from hromada.core import datasets as core_datasets
from hromada.core import storage
from hromada.core.audit import audit_record
from hromada.core.datasets import DatasetProducer, UpdateFrequency
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.opendata import formats, permissions
from hromada.opendata.models import (
    Dataset,
    DataTheme,
    Keyword,
    Licence,
    Resource,
    ResourceFormat,
    ResourceKind,
)
from hromada.org.models import OrgUnit

FILE_MAX_BYTES: Final = 1024**3
FOLDER: Final = "opendata"


@dataclass(frozen=True, kw_only=True, slots=True)
class PassportInput:
    """The passport fields staff keep (КМУ №835); the rest are generated."""

    title: str
    description: str
    legal_basis: str
    purpose: str
    frequency: UpdateFrequency
    keywords: tuple[str, ...]
    theme: DataTheme
    responsible_person: str
    responsible_email: str
    publisher: OrgUnit | None
    licence: Licence


@dataclass(frozen=True, kw_only=True, slots=True)
class RefreshResult:
    """What a refresh found: the rows and the files whose content changed."""

    rows: int
    changed: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class _File:
    kind: ResourceKind
    format: ResourceFormat
    content: bytes
    rows: int


def _check_keeper(actor: User | None) -> None:
    if actor is not None and not permissions.can_keep_catalogue(actor):
        raise PermissionDeniedError(
            _("Only an analyst or a system administrator keeps the catalogue.")
        )


def search_text(*, dataset: Dataset, keywords: Sequence[str]) -> str:
    """The case-folded text ``package_search`` and the catalogue match."""
    publisher = dataset.publisher
    parts = [dataset.title, dataset.title_en, dataset.description, *keywords]
    if publisher is not None:
        parts += [publisher.name, publisher.short_name]
    return " ".join(part for part in parts if part).casefold()


def _keywords_set(dataset: Dataset, names: Sequence[str]) -> list[str]:
    cleaned = sorted({name.strip() for name in names if name.strip()})
    keywords = [Keyword.objects.get_or_create(name=name)[0] for name in cleaned]
    dataset.keywords.set(keywords)
    return cleaned


@transaction.atomic
def dataset_sync(
    *, producers: Sequence[DatasetProducer] | None = None
) -> list[Dataset]:
    """Give every registered producer an unpublished passport if it has
    none; passports that exist are left as staff keep them.

    Safe to run twice; the system acts (no person).
    """
    if producers is None:
        producers = core_datasets.dataset_producers()
    return [
        dataset
        for dataset in (_dataset_create(producer) for producer in producers)
        if dataset is not None
    ]


def _dataset_create(producer: DatasetProducer) -> Dataset | None:
    theme = producer.extra.get("theme", DataTheme.GOVE)
    with override("uk"):
        fields = {
            "owner": producer.owner,
            "title": str(producer.title),
            "description": str(producer.description),
            "legal_basis": str(producer.legal_basis),
            "purpose": str(producer.purpose),
            "frequency": producer.frequency,
            "theme": theme if theme in DataTheme.values else DataTheme.GOVE,
            "extras": {k: v for k, v in producer.extra.items() if k != "theme"},
        }
        keywords = [str(keyword) for keyword in producer.keywords]
    with override("en"):
        fields["title_en"] = str(producer.title)
        fields["description_en"] = str(producer.description)
    dataset, created = Dataset.objects.get_or_create(
        name=producer.name, defaults=fields
    )
    if not created:
        return None
    names = _keywords_set(dataset, keywords)
    dataset.search_text = search_text(dataset=dataset, keywords=names)
    dataset.save(update_fields=["search_text", "updated_at"])
    audit_record(
        actor=None,
        action="opendata.create",
        target=dataset,
        data={"name": dataset.name, "owner": dataset.owner},
    )
    return dataset


def dataset_refresh(
    *, dataset: Dataset, actor: User | None = None, now: datetime | None = None
) -> RefreshResult:
    """Read the dataset's rows from its producer and store its files;
    a file is replaced only when its SHA-256 changed, and only then do
    the dataset's and the file's dates of change move.

    The producer is read before the transaction; idempotent.
    """
    _check_keeper(actor)
    producer = core_datasets.dataset_producer(dataset.name)
    if producer is None:
        raise NotFoundError(
            _("No part of the platform produces the dataset “%(name)s” now.")
            % {"name": dataset.name},
            code="producer_missing",
        )
    files = _files(producer)
    return _refresh_write(
        dataset_id=dataset.pk,
        producer=producer,
        files=files,
        actor=actor,
        now=now or timezone.now(),
    )


def _files(producer: DatasetProducer) -> list[_File]:
    columns = producer.columns
    with override("uk"):
        rows = formats.rows_plain(columns, producer.rows())
    count = len(rows)
    data = [
        (ResourceFormat.CSV, formats.csv_bytes(columns, rows)),
        (ResourceFormat.JSON, formats.json_bytes(columns, rows)),
        (ResourceFormat.XLSX, formats.xlsx_bytes(columns, rows)),
    ]
    if producer.is_spatial:
        data.append((ResourceFormat.GEOJSON, formats.geojson_bytes(columns, rows)))
    files = [
        _File(kind=ResourceKind.DATA, format=fmt, content=content, rows=count)
        for fmt, content in data
    ]
    structure = formats.structure_bytes(columns)
    files.append(
        _File(
            kind=ResourceKind.STRUCTURE,
            format=ResourceFormat.CSV,
            content=structure,
            rows=len(columns),
        )
    )
    return files


@transaction.atomic
def _refresh_write(
    *,
    dataset_id: int,
    producer: DatasetProducer,
    files: list[_File],
    actor: User | None,
    now: datetime,
) -> RefreshResult:
    dataset = Dataset.objects.select_for_update().get(pk=dataset_id)
    current = {
        (r.kind, r.format): r
        for r in Resource.objects.filter(dataset=dataset).select_related("stored_file")
    }
    changed = []
    for position, file in enumerate(files):
        resource = current.pop((file.kind, file.format), None)
        if _file_write(dataset, resource, file, position=position, now=now):
            changed.append(f"{file.kind}:{file.format}")
    for gone in current.values():
        changed.append(f"{gone.kind}:{gone.format}")
        gone.delete()
    dataset.relevant_at = now
    dataset.structure = formats.structure_list(producer.columns)
    update = ["relevant_at", "structure", "updated_at"]
    if changed:
        dataset.modified_at = now
        update.append("modified_at")
    dataset.save(update_fields=update)
    rows = files[0].rows
    audit_record(
        actor=actor,
        action="opendata.refresh",
        target=dataset,
        data={"rows": rows, "changed": changed},
    )
    return RefreshResult(rows=rows, changed=tuple(changed))


def _file_write(
    dataset: Dataset,
    resource: Resource | None,
    file: _File,
    *,
    position: int,
    now: datetime,
) -> bool:
    """Store ``file`` unless ``resource`` holds the same bytes; whether
    anything was written."""
    digest = hashlib.sha256(file.content).hexdigest()
    if resource is not None and resource.stored_file.sha256 == digest:
        return False
    info = formats.FORMATS[file.format]
    suffix = "-structure" if file.kind == ResourceKind.STRUCTURE else ""
    stored = storage.file_store(
        content=file.content,
        name=f"{dataset.name}{suffix}{info.extension}",
        allowed_types=formats.STORED_TYPES,
        folder=FOLDER,
        max_bytes=FILE_MAX_BYTES,
    )
    if resource is None:
        Resource.objects.create(
            dataset=dataset,
            kind=file.kind,
            format=file.format,
            stored_file=stored,
            row_count=file.rows,
            generated_at=now,
            position=position,
        )
        return True
    resource.stored_file = stored
    resource.row_count = file.rows
    resource.generated_at = now
    resource.position = position
    resource.save(
        update_fields=[
            "stored_file",
            "row_count",
            "generated_at",
            "position",
            "updated_at",
        ]
    )
    return True


def _passport_check(passport: PassportInput) -> None:
    errors: dict[str, list[str]] = {}
    for field, value in (
        ("title", passport.title),
        ("description", passport.description),
        ("legal_basis", passport.legal_basis),
        ("purpose", passport.purpose),
    ):
        if not value.strip():
            errors[field] = [_("Fill in this field of the passport.")]
    if passport.responsible_email:
        try:
            validate_email(passport.responsible_email)
        except DjangoValidationError:
            errors["responsible_email"] = [_("Enter a valid e-mail address.")]
    if errors:
        raise ValidationError(
            _("The passport is not complete."), code="passport_invalid", details=errors
        )


PASSPORT_FIELDS: Final = (
    "title",
    "description",
    "legal_basis",
    "purpose",
    "frequency",
    "theme",
    "responsible_person",
    "responsible_email",
    "publisher",
    "licence",
)


@transaction.atomic
def dataset_passport_update(
    *, dataset: Dataset, actor: User | None, passport: PassportInput
) -> Dataset:
    """Change the passport a keeper maintains; its version goes up and
    its date of change moves, so harvesters take it again."""
    dataset = Dataset.objects.select_for_update().get(pk=dataset.pk)
    _check_keeper(actor)
    _passport_check(passport)
    changed = [
        name
        for name in PASSPORT_FIELDS
        if getattr(dataset, name) != getattr(passport, name)
    ]
    for name in PASSPORT_FIELDS:
        setattr(dataset, name, getattr(passport, name))
    keywords = _keywords_set(dataset, passport.keywords)
    dataset.version += 1
    dataset.modified_at = timezone.now()
    dataset.search_text = search_text(dataset=dataset, keywords=keywords)
    dataset.save(
        update_fields=[
            *PASSPORT_FIELDS,
            "version",
            "modified_at",
            "search_text",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action="opendata.passport_update",
        target=dataset,
        data={"changed": changed, "keywords": keywords, "version": dataset.version},
    )
    return dataset


def _publish_check(dataset: Dataset) -> None:
    missing = [
        str(label)
        for label, value in (
            (_("responsible person"), dataset.responsible_person),
            (_("responsible person's e-mail"), dataset.responsible_email),
            (_("publisher unit"), dataset.publisher_id),
        )
        if not value
    ]
    if missing:
        raise ApplicationError(
            _("Fill in the passport before publishing: %(fields)s.")
            % {"fields": ", ".join(missing)},
            code="passport_incomplete",
        )
    if not dataset.resources.filter(kind=ResourceKind.DATA).exists():
        raise ApplicationError(
            _("Generate the dataset's files before publishing it."),
            code="files_missing",
        )


@transaction.atomic
def dataset_publish(*, dataset: Dataset, actor: User | None) -> Dataset:
    """Publish a dataset whose passport is complete and whose files exist;
    the first publication's date is kept for ever after."""
    dataset = Dataset.objects.select_for_update().get(pk=dataset.pk)
    _check_keeper(actor)
    if dataset.is_published:
        raise InvalidTransitionError(_("The dataset is already published."))
    _publish_check(dataset)
    now = timezone.now()
    dataset.is_published = True
    dataset.first_published_at = dataset.first_published_at or now
    dataset.modified_at = now
    dataset.save(
        update_fields=[
            "is_published",
            "first_published_at",
            "modified_at",
            "updated_at",
        ]
    )
    audit_record(actor=actor, action="opendata.publish", target=dataset)
    return dataset


@transaction.atomic
def dataset_unpublish(*, dataset: Dataset, actor: User | None) -> Dataset:
    """Withdraw a dataset from the catalogue; its files and passport stay."""
    dataset = Dataset.objects.select_for_update().get(pk=dataset.pk)
    _check_keeper(actor)
    if not dataset.is_published:
        raise InvalidTransitionError(_("The dataset is not published."))
    dataset.is_published = False
    dataset.modified_at = timezone.now()
    dataset.save(update_fields=["is_published", "modified_at", "updated_at"])
    audit_record(actor=actor, action="opendata.unpublish", target=dataset)
    return dataset
