"""The public form of a new appeal: what and where, then the details."""

from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.appeals.forms import KIND_HINTS, AppealDetailsForm, AppealStartForm
from hromada.appeals.models import AppealChannel, AppealIntake, AppealSubject, Category
from hromada.appeals.selectors import appeals as appeal_selectors
from hromada.appeals.selectors import intake as intake_selectors
from hromada.appeals.services import filing_input, intake
from hromada.core.errors import ApplicationError
from hromada.gis.forms import Location
from hromada.ui.forms import errors_to_form

# The receipts of the appeals a visitor filed in this browser, in a signed
# cookie (no session to load and write on each filing): only this browser
# may open them. Kept a day — the number reaches the e-mail as well.
RECEIPTS_COOKIE = "appeals_filed"
RECEIPTS_SALT = "hromada.appeals.receipts"
RECEIPTS_KEEP = 20
RECEIPTS_AGE = 86400


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
        accepted = _submit(
            request, form, category=category, location=location, user=user
        )
        if accepted is not None:
            return _after_submit(request, accepted)
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
) -> AppealIntake | None:
    data = form.cleaned_data
    co_signers = form.co_signer_inputs() if data.get("is_collective") else []
    if form.errors:
        return None
    try:
        return intake.appeal_accept(
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


def _after_submit(request: HttpRequest, accepted: AppealIntake) -> HttpResponse:
    """To the receipt; a visitor's browser remembers it is theirs."""
    response = redirect("appeals:appeal_filed", accepted.public_id)
    if accepted.actor_id is None:
        kept = [str(accepted.public_id), *_receipts(request)]
        response.set_signed_cookie(
            RECEIPTS_COOKIE,
            " ".join(list(dict.fromkeys(kept))[:RECEIPTS_KEEP]),
            salt=RECEIPTS_SALT,
            max_age=RECEIPTS_AGE,
            path=reverse("appeals:appeal_list"),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def _receipts(request: HttpRequest) -> list[str]:
    """The receipts this browser holds (none if the cookie was altered)."""
    value = request.get_signed_cookie(
        RECEIPTS_COOKIE, default="", salt=RECEIPTS_SALT, max_age=RECEIPTS_AGE
    )
    return (value or "").split()


@login_not_required
def appeal_filed(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The receipt: accepted, then — a moment later — the number and what
    comes next. Only the citizen who filed it (or this browser, for a
    visitor) sees it; anyone else gets 404."""
    accepted = intake_selectors.intake_get_filed(public_id=public_id)
    user = request.user if isinstance(request.user, User) else None
    if accepted is None:
        raise Http404
    if accepted.actor_id is not None:
        allowed = user is not None and accepted.actor_id == user.pk
    else:
        allowed = str(public_id) in _receipts(request)
    if not allowed:
        raise Http404
    return render(
        request,
        "appeals/appeal_filed.html",
        {"accepted": accepted, "appeal": accepted.appeal},
    )
