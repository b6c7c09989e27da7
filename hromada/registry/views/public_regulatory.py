"""The public file of a regulatory act's impact analysis or effectiveness
report (REG-05): whoever may read the act may read its documents."""

from uuid import UUID

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from hromada.core import storage
from hromada.registry.models import RegulatoryDocumentKind
from hromada.registry.selectors import regulatory as regulatory_selectors

# Short kind names for file names: «…-2025-03-14-arv-2025-02-01.pdf».
_FILE_KIND = {
    RegulatoryDocumentKind.IMPACT_ANALYSIS: "arv",
    RegulatoryDocumentKind.BASIC_TRACKING: "bazove-vidstezhennia",
    RegulatoryDocumentKind.REPEAT_TRACKING: "povtorne-vidstezhennia",
    RegulatoryDocumentKind.PERIODIC_TRACKING: "periodychne-vidstezhennia",
}


@login_not_required
@require_safe
def act_regulatory_file(
    request: HttpRequest, slug: str, public_id: UUID
) -> FileResponse:
    """The document's PDF, shown in the browser or downloaded."""
    document = get_object_or_404(
        regulatory_selectors.regulatory_document_list_for_user(user=request.user),
        act__slug=slug,
        public_id=public_id,
    )
    kind = _FILE_KIND[RegulatoryDocumentKind(document.kind)]
    name = f"{document.act.slug}-{kind}-{document.prepared_on.isoformat()}.pdf"
    return FileResponse(
        storage.file_open(document.file),
        as_attachment="download" in request.GET,
        filename=name,
        content_type="application/pdf",
    )
