"""The citizen's own appeals in ``/my/appeals/``: follow them, see the
answer, say whether it solved the problem."""

from uuid import UUID

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hromada.appeals.forms_staff import RateForm
from hromada.appeals.models import Appeal, AppealStatus, AttachmentRole
from hromada.appeals.selectors import appeals as appeal_selectors
from hromada.appeals.selectors import intake as intake_selectors
from hromada.appeals.services import feedback
from hromada.appeals.timeline import timeline_steps
from hromada.appeals.views.files import attachment_response
from hromada.core.errors import ApplicationError
from hromada.ui.http import CabinetRequest
from hromada.ui.pagination import CappedPaginator

PAGE_SIZE = 20
# Appeals accepted and waiting for their number, listed above the table.
WAITING_SHOWN = 20


def my_appeal_list(request: CabinetRequest) -> HttpResponse:
    """The appeals the person filed, newest first."""
    appeals = appeal_selectors.appeal_list_own(user=request.user)
    page = CappedPaginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    waiting = intake_selectors.intake_list_waiting_own(user=request.user)
    return render(
        request,
        "appeals/my_appeal_list.html",
        {"page": page, "waiting": list(waiting[:WAITING_SHOWN])},
    )


def _own_or_404(request: CabinetRequest, public_id: UUID) -> Appeal:
    appeal = appeal_selectors.appeal_get_own(user=request.user, public_id=public_id)
    if appeal is None:
        raise Http404
    return appeal


def _render(
    request: CabinetRequest,
    appeal: Appeal,
    *,
    rate_form: RateForm | None = None,
    status: int = 200,
) -> HttpResponse:
    events = list(appeal_selectors.appeal_events(appeal=appeal))
    attachments = list(appeal_selectors.appeal_attachments(appeal=appeal))
    answered = appeal.status == AppealStatus.ANSWERED
    context = {
        "appeal": appeal,
        "steps": timeline_steps(appeal, events, with_text=True),
        "attachments": [a for a in attachments if a.role == AttachmentRole.APPLICANT],
        "answer_files": [a for a in attachments if a.role == AttachmentRole.ANSWER],
        "rate_form": (rate_form or RateForm()) if answered else None,
        "reopen_until": feedback.may_reopen_until(appeal) if answered else None,
    }
    return render(request, "appeals/my_appeal_detail.html", context, status=status)


def my_appeal_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """One of the person's own appeals, confidential ones included."""
    return _render(request, _own_or_404(request, public_id))


@require_POST
def my_appeal_rate(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """ "Resolved" closes the appeal; "not resolved" sends it back to work."""
    appeal = _own_or_404(request, public_id)
    form = RateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            updated = feedback.appeal_rate(
                appeal=appeal,
                actor=request.user,
                resolved=data["resolved"],
                rating=data["rating"],
                comment=data["comment"],
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            if updated.status == AppealStatus.CLOSED:
                messages.success(request, _("Thank you: the appeal is closed."))
            else:
                messages.success(
                    request,
                    _(
                        "The appeal is sent back to its executor and controller; "
                        "the new due date is %(date)s."
                    )
                    % {"date": updated.due_on.strftime("%d.%m.%Y")},
                )
            return redirect("appeals_my:my_appeal_detail", appeal.public_id)
    return _render(request, appeal, rate_form=form, status=400)


def my_appeal_file(
    request: CabinetRequest, public_id: UUID, file_id: UUID
) -> FileResponse:
    """A file of the person's own appeal, or of its answer."""
    appeal = _own_or_404(request, public_id)
    attachment = (
        appeal_selectors.appeal_attachments(appeal=appeal)
        .filter(public_id=file_id)
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment_response(attachment)
