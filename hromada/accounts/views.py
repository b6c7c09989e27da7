"""The citizen's own cabinet at ``/my/``."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hromada.accounts import permissions, selectors, services
from hromada.accounts.forms import CitizenProfileForm
from hromada.accounts.models import User
from hromada.core.errors import ApplicationError


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware has run
    return user


def my_home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    profile = selectors.citizen_profile_for_user(user=user)
    context = {
        "profile": profile,
        "is_staff_member": permissions.can_use_cabinet(user),
    }
    return render(request, "accounts/my_home.html", context)


def my_profile_edit(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    profile = selectors.citizen_profile_for_user(user=user)
    initial = {
        "last_name": user.last_name,
        "first_name": user.first_name,
        "patronymic": user.patronymic,
        "address": profile.address,
        "phone": profile.phone,
        "privileged_category": profile.privileged_category,
    }
    form = CitizenProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.citizen_profile_update(user=user, actor=user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:home")
    return render(request, "accounts/my_profile_edit.html", {"form": form})
