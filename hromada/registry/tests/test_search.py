"""The extended search: words in any form, exact fields, facets, order."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.org.tests.factories import OrgUnitFactory
from hromada.registry.models import ActAccess, ActKind, ActStatus, RelationKind
from hromada.registry.selectors import acts as act_selectors
from hromada.registry.selectors.search import ActCriteria, ActSort, act_search
from hromada.registry.services import acts as act_services
from hromada.registry.services import changes as change_services
from hromada.registry.tests.factories import act_register, staff

pytestmark = pytest.mark.django_db
VISITOR = AnonymousUser()


def titles(criteria: ActCriteria, user=VISITOR) -> list[str]:
    return [hit.act.title for hit in act_search(user=user, criteria=criteria).hits]


@pytest.fixture
def acts():
    executive = OrgUnitFactory(name="Виконавчий комітет")
    return {
        "budget": act_register(
            title="Про бюджет громади на 2025 рік",
            text="Затвердити доходи бюджету громади.",
            adopted_on=date(2024, 12, 20),
            number="100-VIII",
            is_normative=True,
        ),
        "lifts": act_register(
            title="Про ремонт ліфтів",
            text="Провести капітальний ремонт ліфтів у будинках.",
            adopted_on=date(2025, 4, 2),
            number="120-VIII",
        ),
        "tariff": act_register(
            kind=ActKind.EXECUTIVE_DECISION,
            issuer=executive,
            title="Про тарифи на теплову енергію",
            text="Встановити тарифи на теплову енергію для бюджетних установ.",
            adopted_on=date(2025, 6, 1),
            number="45",
            is_normative=True,
            is_regulatory=True,
        ),
        "internal": act_register(
            kind=ActKind.ORDER,
            title="Про відпустки працівників бюджетної сфери",
            adopted_on=date(2025, 7, 1),
            number="7-од",
            access=ActAccess.INTERNAL,
        ),
    }


def test_a_word_finds_its_other_forms(acts):
    assert titles(ActCriteria(words="ліфт")) == ["Про ремонт ліфтів"]
    assert titles(ActCriteria(words="бюджетом")) == ["Про бюджет громади на 2025 рік"]
    assert titles(ActCriteria(words="бюджетні")) == ["Про тарифи на теплову енергію"]


def test_a_phrase_must_stand_as_written_and_a_minus_leaves_a_word_out(acts):
    assert titles(ActCriteria(words='"теплову енергію"')) == [
        "Про тарифи на теплову енергію"
    ]
    assert titles(ActCriteria(words='"енергію теплову"')) == []
    assert titles(ActCriteria(words="бюджет -тарифи")) == [
        "Про бюджет громади на 2025 рік"
    ]


def test_words_with_nothing_to_look_for_find_nothing_and_say_so(acts):
    result = act_search(user=VISITOR, criteria=ActCriteria(words="-бюджет"))
    assert (result.total, result.words_ignored) == (0, True)


def test_the_exact_number_ignores_dash_and_case_variants(acts):
    assert titles(ActCriteria(number="120–viii")) == ["Про ремонт ліфтів"]
    assert titles(ActCriteria(number="12")) == []


def test_internal_acts_are_found_by_staff_only(acts):
    assert titles(ActCriteria(words="відпустки")) == []
    assert titles(ActCriteria(words="відпустки"), user=staff()) == [
        "Про відпустки працівників бюджетної сфери"
    ]


def test_kind_body_status_year_dates_and_regulatory_narrow_the_search(acts):
    executive = acts["tariff"].issuer
    assert titles(ActCriteria(kind=ActKind.EXECUTIVE_DECISION)) == [
        "Про тарифи на теплову енергію"
    ]
    assert titles(ActCriteria(issuer_id=executive.pk)) == [
        "Про тарифи на теплову енергію"
    ]
    assert titles(ActCriteria(year=2024)) == ["Про бюджет громади на 2025 рік"]
    assert titles(
        ActCriteria(date_from=date(2025, 4, 1), date_to=date(2025, 5, 1))
    ) == ["Про ремонт ліфтів"]
    assert titles(ActCriteria(is_regulatory=True)) == ["Про тарифи на теплову енергію"]
    act_services.act_status_change(
        actor=None, act=acts["lifts"], to=ActStatus.SUSPENDED
    )
    assert titles(ActCriteria(status=ActStatus.SUSPENDED)) == ["Про ремонт ліфтів"]


def test_in_force_on_a_day_leaves_out_later_and_repealed_acts(acts):
    repeal = act_register(
        title="Про визнання таким, що втратило чинність", adopted_on=date(2025, 3, 1)
    )
    change_services.act_relate(
        actor=None, source=repeal, target=acts["budget"], kind=RelationKind.REPEALS
    )
    assert titles(ActCriteria(in_force_on=date(2025, 1, 15))) == [
        "Про бюджет громади на 2025 рік"
    ]
    assert "Про бюджет громади на 2025 рік" not in titles(
        ActCriteria(in_force_on=date(2025, 3, 1))
    )


def test_facets_count_every_criterion_but_their_own(acts):
    result = act_search(
        user=VISITOR, criteria=ActCriteria(kind=ActKind.COUNCIL_DECISION)
    )
    kinds = {
        item.value: (item.count, item.is_selected) for item in result.facets["kind"]
    }
    assert kinds == {"council_decision": (2, True), "executive_decision": (1, False)}
    years = [(item.value, item.count) for item in result.facets["year"]]
    assert years == [("2025", 1), ("2024", 1)]
    issuers = {item.label for item in result.facets["issuer"]}
    assert issuers == {acts["budget"].issuer.name}


def test_relevance_puts_title_matches_first_and_dates_order_otherwise(acts):
    assert titles(ActCriteria(words="бюджет"))[0] == "Про бюджет громади на 2025 рік"
    assert titles(ActCriteria(sort=ActSort.OLDEST)) == [
        "Про бюджет громади на 2025 рік",
        "Про ремонт ліфтів",
        "Про тарифи на теплову енергію",
    ]
    assert titles(ActCriteria())[0] == "Про тарифи на теплову енергію"


def test_results_come_in_pages_of_twenty_with_snippets(acts):
    for number in range(25):
        act_register(
            title=f"Про ремонт ліфтів №{number}",
            number=f"l-{number}",
            text="Ремонт ліфтів у будинку.",
        )
    first = act_search(user=VISITOR, criteria=ActCriteria(words="ліфтів"))
    second = act_search(user=VISITOR, criteria=ActCriteria(words="ліфтів", page=2))
    assert (first.total, first.pages, len(first.hits), len(second.hits)) == (
        26,
        2,
        20,
        6,
    )
    assert "<mark>ліфтів</mark>" in first.hits[0].snippet
    beyond = act_search(user=VISITOR, criteria=ActCriteria(words="ліфтів", page=9))
    assert beyond.page == 2


def test_the_search_takes_the_same_queries_however_many_acts_match(
    acts, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        act_search(user=VISITOR, criteria=ActCriteria(words="бюджет"))
    for number in range(15):
        act_register(title=f"Про бюджет №{number}", number=f"b-{number}")
    with django_assert_max_num_queries(8):
        act_search(user=VISITOR, criteria=ActCriteria(words="бюджет"))


def test_the_text_in_force_on_a_day_comes_from_its_edition(acts):
    act = acts["lifts"]
    amending = act_register(title="Про зміни", adopted_on=date(2025, 9, 1))
    change_services.act_relate(
        actor=None,
        source=amending,
        target=act,
        kind=RelationKind.AMENDS,
        text="Нова редакція.",
    )
    act.refresh_from_db()
    assert (
        act_selectors.act_text_on(act=act, on=date(2025, 5, 1)).text
        == "Провести капітальний ремонт ліфтів у будинках."
    )
    on_later = act_selectors.act_text_on(act=act, on=date(2025, 10, 1))
    assert (on_later.text, on_later.edition.changed_by) == ("Нова редакція.", amending)
    assert act_selectors.act_text_on(act=act, on=date(2025, 1, 1)).in_force is False


def test_relations_show_both_ways_and_hide_acts_the_reader_may_not_see(acts):
    change_services.act_relate(
        actor=None,
        source=acts["internal"],
        target=acts["lifts"],
        kind=RelationKind.IMPLEMENTS,
    )
    change_services.act_relate(
        actor=None,
        source=acts["tariff"],
        target=acts["budget"],
        kind=RelationKind.AMENDS,
    )
    public = act_selectors.act_relations(act=acts["lifts"], user=VISITOR)
    assert (public.outgoing, public.incoming) == ([], [])
    assert (
        len(act_selectors.act_relations(act=acts["lifts"], user=staff()).incoming) == 1
    )
    budget = act_selectors.act_relations(act=acts["budget"], user=VISITOR)
    assert [relation.source for relation in budget.incoming] == [acts["tariff"]]
    assert [
        relation.target
        for relation in act_selectors.act_relations(
            act=acts["tariff"], user=VISITOR
        ).outgoing
    ] == [acts["budget"]]


def test_site_search_gets_addresses_of_public_acts_only(acts):
    ids = [str(acts["lifts"].pk), str(acts["internal"].pk), "x"]
    assert act_selectors.act_search_urls(object_ids=ids) == {
        str(acts["lifts"].pk): f"/acts/{acts['lifts'].slug}/"
    }


@pytest.fixture
def few_counted(monkeypatch):
    """Matches are read up to five acts, as up to 10,001 in a large city."""
    monkeypatch.setattr("hromada.registry.selectors.search.COUNTED_ACTS", 5)


def lift_acts(count: int, **changes) -> list:
    return [
        act_register(
            title=f"Про ремонт ліфтів {number}",
            number=f"lift-{number}",
            adopted_on=date(2020 + number, 1, 10),
            text="Ремонт ліфтів." if number else "Ремонт ліфтів, ліфтів, ліфтів.",
            **changes,
        )
        for number in range(count)
    ]


def test_past_the_counted_acts_the_search_says_more_and_shows_the_newest(
    few_counted,
):
    lift_acts(7)
    # newer than them all, without the word or not for visitors
    act_register(title="Про бюджет", number="b-1", adopted_on=date(2030, 1, 1))
    act_register(
        title="Про ремонт ліфтів у ратуші",
        number="i-1",
        adopted_on=date(2030, 1, 2),
        access=ActAccess.INTERNAL,
    )
    result = act_search(user=VISITOR, criteria=ActCriteria(words="ліфтів"))
    assert (result.total, result.is_many, result.many_from) == (5, True, 4)
    assert (result.sort, result.by_date_instead, result.facets_sampled) == (
        ActSort.NEWEST,
        True,
        True,
    )
    assert [hit.act.title for hit in result.hits] == [
        f"Про ремонт ліфтів {number}" for number in range(6, -1, -1)
    ]
    assert sum(item.count for item in result.facets["year"]) == 5
    oldest = act_search(
        user=VISITOR, criteria=ActCriteria(words="ліфтів", sort=ActSort.OLDEST)
    )
    assert (oldest.hits[0].act.title, oldest.by_date_instead) == (
        "Про ремонт ліфтів 0",
        False,
    )


def test_a_chosen_facet_is_counted_exactly_past_the_counted_acts(few_counted):
    lift_acts(6)
    executive = OrgUnitFactory(name="Виконавчий комітет")
    lift_acts(2, kind=ActKind.EXECUTIVE_DECISION, issuer=executive)
    result = act_search(
        user=VISITOR,
        criteria=ActCriteria(words="ліфтів", kind=ActKind.EXECUTIVE_DECISION),
    )
    assert (result.total, result.is_many, result.by_date_instead) == (2, False, False)
    assert result.facets_sampled
    assert result.sort == ActSort.RELEVANCE


def test_below_the_counted_acts_the_best_come_first_and_facets_are_exact(
    few_counted,
):
    lift_acts(4)
    result = act_search(user=VISITOR, criteria=ActCriteria(words="ліфтів"))
    assert (result.total, result.is_many, result.facets_sampled) == (4, False, False)
    assert result.hits[0].act.title == "Про ремонт ліфтів 0"
    assert [(item.value, item.count) for item in result.facets["kind"]] == [
        ("council_decision", 4)
    ]


def test_the_page_says_more_than_and_why_the_newest_come_first(client, few_counted):
    lift_acts(6)
    body = client.get("/acts/", {"q": "ліфтів"}).content.decode()
    assert "Знайдено понад 4 актів" in body
    assert "показано від найновіших" in body
    assert "Пораховано серед перших 4 знайдених актів" in body


def test_an_excerpt_is_cut_from_near_the_first_match_of_a_long_text():
    from hromada.registry.selectors.excerpts import act_excerpt
    from hromada.search import selectors as search_selectors

    filler = "Провести прибирання вулиць і скверів громади. " * 60
    text = f"{filler}Замінити ліфтове обладнання та ремонт ліфтів у будинку. {filler}"
    match = search_selectors.search_match(query="ліфтами", kind="registry.act")
    excerpt = act_excerpt(match=match, text=text)
    assert "<mark>ліфтів</mark>" in excerpt
    assert excerpt.startswith("…")
    assert excerpt.endswith("…")
    assert len(excerpt) < 400
    nowhere = act_excerpt(match=match, text=filler * 2)
    assert nowhere.startswith("Провести прибирання")
    assert "<mark>" not in nowhere
    short = "Ремонт ліфтів."
    assert act_excerpt(match=match, text=short) == match.snippet(short)


def test_the_second_page_of_the_matches_read_continues_the_order():
    acts = [
        act_register(
            title=f"Про ремонт доріг {number}",
            number=f"road-{number}",
            adopted_on=date(2000 + number, 2, 1),
        )
        for number in range(23)
    ]
    newest = act_search(
        user=VISITOR, criteria=ActCriteria(words="доріг", sort=ActSort.NEWEST, page=2)
    )
    oldest = act_search(
        user=VISITOR, criteria=ActCriteria(words="доріг", sort=ActSort.OLDEST, page=2)
    )
    assert (newest.total, newest.page) == (23, 2)
    assert [hit.act.pk for hit in newest.hits] == [act.pk for act in acts[2::-1]]
    assert [hit.act.pk for hit in oldest.hits] == [act.pk for act in acts[20:]]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner settings"
)
def test_on_postgresql_the_matches_are_read_without_parallel_workers(acts):
    with CaptureQueriesContext(connection) as queries:
        found = act_search(user=VISITOR, criteria=ActCriteria(words="бюджет"))

    # the read of the matches comes right after the settings of its own
    # transaction, which switch the workers off
    sql = [query["sql"] for query in queries.captured_queries]
    settings = next(
        index
        for index, query in enumerate(sql)
        if "set_config('max_parallel_workers_per_gather', '0', true)" in query
    )
    assert "m.score" in sql[settings + 1]
    assert [hit.act for hit in found.hits] == [acts["budget"]]
