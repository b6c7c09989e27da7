"""The public form of a new appeal: what and where, then the details."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.appeals.forms import KIND_HINTS, AppealDetailsForm, AppealStartForm
from hromada.appeals.models import Appeal, AppealChannel, AppealSubject, Category
from hromada.appeals.selectors import appeals as appeal_selectors
from hromada.appeals.services import filing, filing_input
from hromada.core.errors import ApplicationError
from hromada.gis.forms import Location
from hromada.ui.forms import errors_to_form

# The appeals a visitor filed in this browser session: only they may see
# the confirmation page of one.
SESSION_KEY = "appeals_filed"
SESSION_KEEP = 20


@login_not_required
def appeal_new(request: HttpRequest) -> HttpResponse:
    """Step one: the category and the place."""
    form = AppealStartForm(request.GET or None)
    return render(request, "appeals/appeal_new.html", {"form": form})


@login_not_required
def appeal_new_details(request: HttpRequest) -> HttpResponse:
    """Step two: similar appeals nearby, then the appeal itself."""
    start = AppealStartForm(request.GET)
    if not start.is_valid():
        return render(request, "appeals/appeal_new.html", {"form": start})
    category: Category = start.cleaned_data["category_object"]
    location: Location | None = start.cleaned_data.get("location")
    user = request.user if isinstance(request.user, User) else None
    form = AppealDetailsForm(
        request.POST or None,
        request.FILES or None,
        category=category,
        initial={"category": category.code, **_applicant_initial(user)},
    )
    if request.method == "POST" and form.is_valid():
        appeal = _submit(request, form, category=category, location=location, user=user)
        if appeal is not None:
            return _after_submit(request, appeal, user=user)
    nearby = (
        appeal_selectors.appeal_list_nearby(
            category=category, lon=location.lon, lat=location.lat
        )
        if location is not None
        else []
    )
    context = {
        "form": form,
        "category": category,
        "location": location,
        "nearby": nearby,
        "kind_hints": KIND_HINTS,
        "start_query": request.GET.urlencode(),
    }
    return render(request, "appeals/appeal_new_details.html", context)


def _applicant_initial(user: User | None) -> dict[str, Any]:
    if user is None:
        return {}
    profile = account_selectors.citizen_profile_for_user(user=user)
    return {
        "family_name": user.last_name,
        "given_name": user.first_name,
        "patronymic": user.patronymic,
        "email": user.email,
        "postal_address": profile.address if profile else "",
        "phone": profile.phone if profile else "",
    }


def _submit(
    request: HttpRequest,
    form: AppealDetailsForm,
    *,
    category: Category,
    location: Location | None,
    user: User | None,
) -> Appeal | None:
    data = form.cleaned_data
    co_signers = form.co_signer_inputs() if data.get("is_collective") else []
    if form.errors:
        return None
    try:
        return filing.appeal_submit(
            actor=user,
            channel=AppealChannel.PORTAL,
            data=filing_input.AppealInput(
                kind=data["kind"],
                category=category,
                title=data["title"],
                description=data["description"],
                applicant=filing_input.ApplicantInput(
                    family_name=data["family_name"],
                    given_name=data["given_name"],
                    patronymic=data["patronymic"],
                    email=data["email"],
                    phone=data["phone"],
                    postal_address=data["postal_address"],
                    gender=data["gender"],
                ),
                is_public=data["is_public"],
                subject=AppealSubject.COLLECTIVE
                if data.get("is_collective")
                else AppealSubject.INDIVIDUAL,
                co_signers=co_signers,
                author_categories=list(data["author_categories"]),
                social_status=data["social_status"],
                answers=form.answers(),
                address=location.address if location else None,
                address_text=location.text if location else "",
                lon=location.lon if location else None,
                lat=location.lat if location else None,
                files=data["attachments"],
            ),
            once_key=data["once"],
            client_key=_client_key(request),
        )
    except ApplicationError as error:
        errors_to_form(form, error)
        return None


def _client_key(request: HttpRequest) -> str:
    """The visitor's address as the proxy in front of us reports it."""
    return str(request.META.get("REMOTE_ADDR", ""))


def _after_submit(
    request: HttpRequest, appeal: Appeal, *, user: User | None
) -> HttpResponse:
    if user is not None:
        messages.success(
            request,
            _("Your appeal is registered under number %(number)s.")
            % {"number": appeal.number},
        )
        return redirect("appeals_my:my_appeal_detail", appeal.public_id)
    filed = [str(appeal.public_id), *request.session.get(SESSION_KEY, [])]
    request.session[SESSION_KEY] = filed[:SESSION_KEEP]
    return redirect("appeals:appeal_filed", appeal.public_id)


@login_not_required
def appeal_filed(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The confirmation a visitor sees once: the number and what comes next."""
    if str(public_id) not in request.session.get(SESSION_KEY, []):
        raise Http404
    appeal = appeal_selectors.appeal_get_filed(public_id=public_id)
    if appeal is None:
        raise Http404
    return render(request, "appeals/appeal_filed.html", {"appeal": appeal})
