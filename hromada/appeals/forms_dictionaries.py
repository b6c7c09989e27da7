"""Forms of the pages where administrators keep the category tree, the
categories' questions and the routing rules."""

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hromada.accounts.models import User
from hromada.appeals.models import (
    Category,
    QuestionKind,
    TermRule,
    TopicCode,
)
from hromada.appeals.selectors.dictionaries import CategoryNode
from hromada.gis.models import District
from hromada.org.models import OrgUnit
from hromada.ui.forms import OnceField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LIST_KINDS: Final = (QuestionKind.SINGLE, QuestionKind.MULTI)
MAX_CHOICES: Final = 100
CHOICE_KEY_MAX: Final = 50
CHOICE_NAME_MAX: Final = 200
# «key — name»; an en dash, «=» or a hyphen between spaces do as well.
CHOICE_LINE: Final = re.compile(r"(?P<key>[\w-]+)\s*(?:—|–|=|\s-\s)\s*(?P<name>\S.*)")
POSITION_MAX: Final = 32767


def _node_label(node: CategoryNode) -> str:
    if node.category.is_active:
        return node.path
    return str(_("%(path)s (not in use)") % {"path": node.path})


class CategoryChoiceField(forms.ChoiceField):
    """A select of categories in tree order, each named by its path
    («Благоустрій › Вуличне освітлення»); cleans to the category."""

    def __init__(self, *, empty_label: "StrOrPromise" = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.empty_label = empty_label
        self.by_key: dict[str, Category] = {}

    def set_nodes(self, nodes: Iterable[CategoryNode]) -> None:
        """Offer ``nodes``, after the empty choice."""
        listed = list(nodes)
        self.by_key = {str(node.category.public_id): node.category for node in listed}
        self.choices = [("", self.empty_label)] + [
            (str(node.category.public_id), _node_label(node)) for node in listed
        ]

    def clean(self, value: Any) -> Category | None:
        """The chosen category, or ``None`` for the empty choice."""
        return self.by_key.get(super().clean(value))


def _position_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Place in the list"),
        min_value=0,
        max_value=POSITION_MAX,
        initial=0,
        help_text=_("Lower numbers come first among their neighbours."),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )


def _code_field(label: "StrOrPromise", help_text: "StrOrPromise") -> forms.SlugField:
    # Both codes are SlugFields of 50 characters in the models.
    return forms.SlugField(
        label=label,
        max_length=50,
        help_text=help_text,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )


def _fix_code(form: forms.Form) -> None:
    # The code names the category or question for Open311 clients, which
    # keep it: it is shown, and never sent again.
    form.fields["code"].disabled = True
    form.fields["code"].required = False


class TopicChoiceField(forms.ModelChoiceField):
    """858 topics named with their codes: «07 — Комунальне господарство»."""

    def label_from_instance(self, obj: TopicCode) -> str:
        return f"{obj.code} — {obj.name}"


class PersonChoiceField(forms.ModelChoiceField):
    """Staff named by their full names."""

    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class CategoryForm(forms.Form):
    """A category of the tree: its place, code, name and defaults."""

    parent = CategoryChoiceField(
        label=_("Parent category"),
        required=False,
        empty_label=_("None: a top-level group"),
    )
    code = _code_field(
        _("Category code"),
        _(
            "Latin letters, digits, hyphens and underscores, for example "
            "street_lighting. It cannot change once the category is created: "
            "Open311 clients keep it as the service code."
        ),
    )
    name = forms.CharField(label=_("Name of the category"), max_length=200)
    description = forms.CharField(
        label=_("Description for citizens"),
        required=False,
        help_text=_("Citizens read it when they choose the category."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    topic = TopicChoiceField(
        label=_("Topic of the 858 classifier"),
        queryset=TopicCode.objects.none(),
        required=False,
        empty_label=_("Not set"),
        help_text=_("The quarterly report counts the category's appeals under it."),
    )
    term_rule = forms.ChoiceField(
        label=_("Default term"),
        choices=TermRule.choices,
        initial=TermRule.GENERAL,
        widget=forms.RadioSelect,
    )
    needs_location = forms.BooleanField(
        label=_("Appeals of this category need a place on the map"),
        required=False,
        initial=True,
    )
    position = _position_field()
    is_active = forms.BooleanField(
        label=_("In use: citizens may choose it"), required=False, initial=True
    )
    once = OnceField()

    def __init__(
        self,
        *args: Any,
        parents: Sequence[CategoryNode],
        topics: QuerySet[TopicCode],
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        assert isinstance(parent, CategoryChoiceField)
        parent.set_nodes(parents)
        topic = self.fields["topic"]
        assert isinstance(topic, forms.ModelChoiceField)
        topic.queryset = topics
        if editing:
            _fix_code(self)


def choices_parse(text: str) -> list[dict[str, str]]:
    """The choices of a list question, one per line as «key — name».

    Raises ``ValidationError`` naming every line that does not read.
    """
    choices: list[dict[str, str]] = []
    errors: list[forms.ValidationError] = []
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)]
    for number, line in filter(lambda pair: pair[1], lines):
        match = CHOICE_LINE.fullmatch(line)
        problem = _choice_problem(match, number, choices)
        if problem is not None:
            errors.append(problem)
        elif match is not None:
            choices.append({"key": match["key"], "name": match["name"].strip()})
    if len(choices) > MAX_CHOICES:
        errors.append(
            forms.ValidationError(
                _("Give at most %(count)s choices."), params={"count": MAX_CHOICES}
            )
        )
    if errors:
        raise forms.ValidationError(errors)
    return choices


def _choice_problem(
    match: re.Match[str] | None, line: int, earlier: Sequence[dict[str, str]]
) -> forms.ValidationError | None:
    if match is None:
        message = _(
            "Line %(line)s: write the key, a dash and the name, for example "
            "«led — Світлодіодна лампа»."
        )
        return forms.ValidationError(message, params={"line": line})
    key, name = match["key"], match["name"].strip()
    if len(key) > CHOICE_KEY_MAX:
        message = _("Line %(line)s: the key is longer than %(max)s characters.")
        return forms.ValidationError(
            message, params={"line": line, "max": CHOICE_KEY_MAX}
        )
    if len(name) > CHOICE_NAME_MAX:
        message = _("Line %(line)s: the name is longer than %(max)s characters.")
        return forms.ValidationError(
            message, params={"line": line, "max": CHOICE_NAME_MAX}
        )
    if any(choice["key"] == key for choice in earlier):
        message = _("Line %(line)s: the key «%(key)s» is given twice.")
        return forms.ValidationError(message, params={"line": line, "key": key})
    return None


def choices_text(choices: Iterable[dict[str, str]]) -> str:
    """Choices as the text box shows them, one «key — name» a line."""
    return "\n".join(f"{choice['key']} — {choice['name']}" for choice in choices)


class QuestionForm(forms.Form):
    """An extra question a category asks, with the choices of a list."""

    code = _code_field(
        _("Question code"),
        _(
            "Latin letters, digits, hyphens and underscores, for example "
            "pole_number. It cannot change once the question is created: "
            "Open311 clients send answers under it."
        ),
    )
    label = forms.CharField(label=_("Question"), max_length=300)
    help_text = forms.CharField(
        label=_("Hint"),
        max_length=300,
        required=False,
        help_text=_("Shown under the question, as this text is."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=QuestionKind.choices,
        initial=QuestionKind.STRING,
        widget=forms.RadioSelect,
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = forms.CharField(
        label=_("Choices of a list"),
        required=False,
        help_text=_(
            "Only for the kinds «One of a list» and «Several of a list». "
            "One per line: key — name, for example «led — Світлодіодна лампа». "
            "Appeals store the key."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
    )
    position = _position_field()
    once = OnceField()

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            _fix_code(self)
        else:
            # A new question comes last; its place changes when it is edited.
            del self.fields["position"]

    def clean_choices(self) -> list[dict[str, str]]:
        """The parsed choices; see ``choices_parse``."""
        return choices_parse(self.cleaned_data["choices"])

    def clean(self) -> dict[str, Any]:
        """A list kind needs choices; the other kinds take none."""
        data = super().clean() or {}
        if "choices" not in data or "kind" not in data:
            return data
        is_list = data["kind"] in LIST_KINDS
        if is_list and not data["choices"]:
            self.add_error(
                "choices",
                _("A list question needs its choices: one per line, key — name."),
            )
        elif not is_list and data["choices"]:
            self.add_error(
                "choices",
                _(
                    "Only a list question has choices: choose «One of a list» "
                    "or «Several of a list», or clear the choices."
                ),
            )
        return data


class RoutingRuleForm(forms.Form):
    """Where appeals of a category, a district and some words go."""

    name = forms.CharField(
        label=_("Name of the rule"),
        max_length=200,
        help_text=_("For administrators only, for example «Освітлення — КП»."),
    )
    category = CategoryChoiceField(
        label=_("Category"),
        required=False,
        empty_label=_("Any category"),
        help_text=_("Applies to the category and every category under it."),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("Any district"),
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        max_length=500,
        required=False,
        help_text=_(
            "Comma-separated; the rule applies when the text has one of them. "
            "A word matches its forms: «ліхтар» matches «ліхтарі»."
        ),
    )
    unit = forms.ModelChoiceField(
        label=_("Responsible unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Choose a unit"),
    )
    controller = PersonChoiceField(
        label=_("Controller"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("The head of the unit"),
        help_text=_("Checks the answers before they go to the applicant."),
    )
    outside_competence = forms.BooleanField(
        label=_("The matter is outside the council's competence"),
        required=False,
        help_text=_("Appeals are then forwarded to the competent body, not routed."),
    )
    forward_to = forms.CharField(
        label=_("Forward to"),
        max_length=300,
        required=False,
        help_text=_("The competent body, when the matter is not the council's."),
    )
    priority = forms.IntegerField(
        label=_("Priority"),
        min_value=0,
        max_value=POSITION_MAX,
        initial=100,
        help_text=_("Between equally specific rules, the lower number wins."),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )
    is_active = forms.BooleanField(
        label=_("In use: the rule routes appeals"), required=False, initial=True
    )
    once = OnceField()

    def __init__(
        self,
        *args: Any,
        categories: Sequence[CategoryNode],
        districts: QuerySet[District],
        units: QuerySet[OrgUnit],
        controllers: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        assert isinstance(category, CategoryChoiceField)
        category.set_nodes(categories)
        for name, queryset in (
            ("district", districts),
            ("unit", units),
            ("controller", controllers),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset

    def clean(self) -> dict[str, Any]:
        """A rule either names a unit or forwards outside the council."""
        data = super().clean() or {}
        if data.get("outside_competence"):
            if data.get("unit") is not None:
                self.add_error(
                    "unit",
                    _(
                        "A rule for matters outside the competence names no "
                        "unit: clear the unit or the checkbox."
                    ),
                )
            if not data.get("forward_to", "x").strip():
                self.add_error(
                    "forward_to",
                    _("Name the competent body the appeals are forwarded to."),
                )
        elif "unit" in data and data["unit"] is None:
            self.add_error("unit", _("Choose the responsible unit."))
        return data


class RoutingTrialForm(forms.Form):
    """An appeal made up to see which rule routes it; nothing is filed."""

    category = CategoryChoiceField(
        label=_("Category"),
        empty_label=_("Choose a category"),
        error_messages={"required": _("Choose a category.")},
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("None: the place is unknown or outside the districts"),
    )
    text = forms.CharField(
        label=_("Text of the appeal"),
        required=False,
        max_length=5000,
        help_text=_("The title and the description; keywords are sought in them."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        categories: Sequence[CategoryNode],
        districts: QuerySet[District],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        assert isinstance(category, CategoryChoiceField)
        category.set_nodes(categories)
        district = self.fields["district"]
        assert isinstance(district, forms.ModelChoiceField)
        district.queryset = districts
