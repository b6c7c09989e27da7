"""Input and output serializers of the documents endpoints."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hromada.accounts import selectors as account_selectors
from hromada.documents.models import (
    AccessLevel,
    ApprovalDecision,
    ApprovalKind,
    CardClosure,
    Channel,
    DocumentKind,
    DocumentStatus,
    FileRole,
    FileVersion,
    TaskRole,
    TaskStatus,
)
from hromada.documents.selectors import cards as card_selectors
from hromada.org import selectors as org_selectors

DECISIONS = [
    choice
    for choice in ApprovalDecision.choices
    if choice[0] != ApprovalDecision.PENDING
]


class PartyOutputSerializer(serializers.Serializer):
    """A person or an organisation by public id and display name."""

    id = serializers.UUIDField(source="public_id")
    name = serializers.SerializerMethodField()

    def get_name(self, obj: Any) -> str:
        full_name = getattr(obj, "get_full_name", None)
        return str(full_name() if full_name is not None else obj.name)


class DocumentFilterInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False)
    status = serializers.ChoiceField(choices=DocumentStatus.choices, required=False)
    date_from = serializers.DateField(
        required=False, help_text=_("Registered on or after this date.")
    )
    date_to = serializers.DateField(
        required=False, help_text=_("Registered on or before this date.")
    )
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text=_("Words, a registration number or a correspondent's number."),
    )


class DocumentOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    registration_number = serializers.CharField()
    registered_on = serializers.DateField(allow_null=True)
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    closed_as = serializers.ChoiceField(
        choices=CardClosure.choices,
        allow_blank=True,
        help_text=_("“to_file” when a head filed the card «До справи»."),
    )
    summary = serializers.CharField()
    access_level = serializers.ChoiceField(choices=AccessLevel.choices)
    correspondent = PartyOutputSerializer(allow_null=True)
    holder = PartyOutputSerializer(allow_null=True)
    held_since = serializers.DateTimeField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)


class DocumentPageOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = DocumentOutputSerializer(many=True)


class DocumentCreateInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    org_unit = serializers.SlugRelatedField(
        slug_field="public_id",
        queryset=org_selectors.org_unit_list_active(),
        help_text=_("Public id of the unit the card belongs to."),
    )
    summary = serializers.CharField(max_length=2000)
    pages = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    access_level = serializers.ChoiceField(
        choices=AccessLevel.choices, default=AccessLevel.INTERNAL
    )
    access_basis = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.POST)
    correspondent = serializers.SlugRelatedField(
        slug_field="public_id",
        queryset=card_selectors.correspondent_list(),
        required=False,
        allow_null=True,
        help_text=_("Public id of the correspondent."),
    )
    correspondent_number = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    correspondent_date = serializers.DateField(required=False, allow_null=True)
    signatory = serializers.SlugRelatedField(
        slug_field="public_id",
        queryset=account_selectors.staff_user_list(),
        required=False,
        allow_null=True,
        help_text=_("Public id of the signatory, a staff member."),
    )
    signatory_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    due_on = serializers.DateField(required=False, allow_null=True)


class DocumentRegisterInputSerializer(serializers.Serializer):
    journal = serializers.SlugRelatedField(
        slug_field="public_id",
        queryset=card_selectors.journal_list(),
        help_text=_("Public id of the journal that gives the number."),
    )


class FileVersionOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    number = serializers.IntegerField()
    sha256 = serializers.CharField(source="stored_file.sha256")
    size = serializers.IntegerField(source="stored_file.size")
    content_type = serializers.CharField(source="stored_file.content_type")
    file_name = serializers.CharField(source="stored_file.original_name")
    created_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, version: FileVersion) -> str:
        path = reverse(
            "documents:file_download", kwargs={"version_id": version.public_id}
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class DocumentFileOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    title = serializers.CharField()
    role = serializers.ChoiceField(choices=FileRole.choices)
    versions = FileVersionOutputSerializer(many=True, source="versions.all")


class DocumentBriefOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    registration_number = serializers.CharField()
    summary = serializers.CharField()


class TaskFilterInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TaskStatus.choices, required=False)


class TaskOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    document = DocumentBriefOutputSerializer()
    instruction = serializers.CharField(source="resolution.text")
    role = serializers.ChoiceField(choices=TaskRole.choices)
    status = serializers.ChoiceField(choices=TaskStatus.choices)
    due_on = serializers.DateField()
    assigned_at = serializers.DateTimeField()
    done_on = serializers.DateField(allow_null=True)
    controller = PartyOutputSerializer()


class TaskPageOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = TaskOutputSerializer(many=True)


class TaskReportInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=10000)


class ApprovalStepOutputSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ApprovalKind.choices)
    due_on = serializers.DateField(allow_null=True)


class ApprovalOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    document = DocumentBriefOutputSerializer(source="step.route.document")
    step = ApprovalStepOutputSerializer()
    participant = PartyOutputSerializer()
    file_version = FileVersionOutputSerializer(source="step.route.file_version")
    decision = serializers.ChoiceField(choices=ApprovalDecision.choices)
    decided_at = serializers.DateTimeField(allow_null=True)
    comment = serializers.CharField()


class ApprovalPageOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ApprovalOutputSerializer(many=True)


class ApprovalDecideInputSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=DECISIONS)
    comment = serializers.CharField(
        max_length=5000, required=False, allow_blank=True, default=""
    )
    seen_sha256 = serializers.RegexField(
        r"^[0-9a-f]{64}$",
        help_text=_("SHA-256 of the file version the decision is about."),
    )
