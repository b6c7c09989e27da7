"""The classifier: naive Bayes over normal forms, trained on the history,
measured on what it did not learn, suggesting to the operator."""

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals import classifier
from hromada.appeals.models import ClassifierModel, ClassifierTarget
from hromada.appeals.selectors import learning as learning_selectors
from hromada.appeals.services import learning
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    enterprise,
)

pytestmark = pytest.mark.django_db

LIGHT = [
    "Не світить ліхтар біля будинку",
    "Темно на вулиці, ліхтарі не горять",
    "Згоріла лампа вуличного освітлення",
    "Ліхтар на опорі не працює вночі",
    "Немає освітлення у дворі, темно",
]
WATER = [
    "Немає холодної води третій день",
    "Низький тиск води на п'ятому поверсі",
    "Прорвало трубу водопроводу у дворі",
    "Вода тече з колодязя на дорогу",
    "Відсутнє водопостачання в будинку",
]


def test_naive_bayes_learns_word_forms_and_is_confident_when_it_should_be():
    model = classifier.train(
        [(text, "light") for text in LIGHT] + [(text, "water") for text in WATER]
    )

    best = model.predict("Ліхтарі не світять біля школи", best=2)

    assert best[0][0] == "light"
    assert best[0][1] > best[1][1]
    assert abs(sum(p for _label, p in best) - 1) < 1e-9
    assert model.predict("Немає води у квартирі")[0][0] == "water"
    assert classifier.NaiveBayes.from_json(model.as_json()).predict(
        "Немає води"
    ) == model.predict("Немає води")


def test_an_empty_model_suggests_nothing():
    assert classifier.NaiveBayes().predict("ліхтар") == []
    assert classifier.accuracy(classifier.NaiveBayes(), []) is None


@pytest.fixture
def history():
    appeals_journal()
    lights, water = enterprise("КП «Благоустрій»"), enterprise("КП «Міськводоканал»")
    light = CategoryFactory(code="lighting_fault", needs_location=False)
    wet = CategoryFactory(code="water_outage", needs_location=False)
    RoutingRuleFactory(category=light, unit=lights.unit)
    RoutingRuleFactory(category=wet, unit=water.unit)
    other = CategoryFactory(code="other", needs_location=False)
    for n in range(4):
        for text in LIGHT:
            appeal_file(category=light, title=text, description=f"{text} {n}")
        for text in WATER:
            appeal_file(category=wet, title=text, description=f"{text} {n}")
        # an unrouted appeal shifts which texts the held-out fifth gets
        appeal_file(category=other, title="Подяка працівникам", description="Дякую")
    return lights, water


def test_training_holds_out_a_fifth_and_measures_on_it(history):
    model = learning.classifier_train(target=ClassifierTarget.UNIT)

    assert model is not None
    assert model.samples + model.held_out == 40
    assert 6 <= model.held_out <= 10
    assert model.accuracy >= 0.85


def test_training_keeps_the_last_three_models(history):
    for _ in range(4):
        learning.classifier_train(target=ClassifierTarget.CATEGORY)

    assert ClassifierModel.objects.filter(target="category").count() == 3


def test_no_history_trains_nothing():
    assert learning.classifier_train(target=ClassifierTarget.CATEGORY) is None


def test_the_suggestion_names_the_category_and_the_unit(history):
    lights, _water = history
    learning.classifier_train(target=ClassifierTarget.CATEGORY)
    learning.classifier_train(target=ClassifierTarget.UNIT)

    suggestion = learning_selectors.classifier_suggest(
        text="Ліхтар біля під'їзду не горить"
    )

    assert suggestion is not None
    assert suggestion.unit == lights.unit
    assert suggestion.category.code == "lighting_fault"
    assert suggestion.unit_confidence > 0.5


def test_the_operator_sees_the_suggestion_on_an_unrouted_appeal(client, history):
    lights, _water = history
    learning.classifier_train(target=ClassifierTarget.UNIT)
    other = CategoryFactory(code="thanks", needs_location=False)
    appeal = appeal_file(category=other, title="Ліхтар не світить уночі")
    client.force_login(UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR]))

    response = client.get(
        reverse("appeals_cabinet:appeal_detail", args=[appeal.public_id])
    )

    assert response.context["suggestion"].unit == lights.unit
    assert response.context["route_form"].initial["unit"] == lights.unit
    assert 'id="suggestion"' in response.content.decode()
