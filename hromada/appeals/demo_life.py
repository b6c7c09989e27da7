"""The lives of the demo appeals: the demo staff route, assign, extend,
answer, review and forward them, and their applicants rate the answers,
each step through the service the pages call."""

import random
from datetime import timedelta
from typing import Final

from hromada.accounts.demo import demo_email
from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.appeals import demo_answers
from hromada.appeals.demo_history import Fate, Plan, Town
from hromada.appeals.models import Appeal, AppealOutcome
from hromada.appeals.services import answers, execution, feedback

F = Fate
# When the routing rule names no competent body.
ROADS_BODY: Final = "Служба автомобільних доріг у Київській області"
EXTENSION: Final = timedelta(days=14)
# Ratings of resolved matters, in proportion.
RATINGS: Final = ((5, 6), (4, 3), (3, 1), (2, 0.5))


def plan_live(appeal: Appeal, plan: Plan, town: Town) -> None:
    """Take a filed appeal to where its plan stops."""
    if plan.fate == F.REGISTERED:
        return
    if plan.fate == F.FORWARDED:
        rule = appeal.routing_rule
        body = plan.matter.forward_to or (rule.forward_to if rule else "")
        execution.appeal_forward(
            appeal=appeal, actor=town.desk, forward_to=body or ROADS_BODY
        )
        return
    if appeal.unit_id is None:
        appeal = execution.appeal_route(
            appeal=appeal, actor=town.desk, unit=town.units[plan.matter.unit]
        )
    appeal = _assign(appeal, town)
    if plan.fate == F.EXTENDED:
        _extend(appeal, town)
    elif plan.fate != F.ASSIGNED:
        _answer(appeal, plan, town)


def _assign(appeal: Appeal, town: Town) -> Appeal:
    """The unit's dispatcher, else its head, gives it to one of the unit;
    the demo executor gets a good share of the housing department's."""
    assert appeal.unit_id is not None  # routed by a rule or by the desk
    people = [employee.user for employee in town.people(appeal.unit_id)]
    dispatchers = [
        employee.user
        for employee in town.people(appeal.unit_id)
        if employee.position.role == Role.DISPATCHER
    ]
    assigner = dispatchers[0] if dispatchers else people[0]
    others = [user for user in people[1:] if user != assigner] or people
    executor = town.rng.choice(others)
    demo_executor = [user for user in others if user.email == demo_email("executor")]
    if demo_executor and town.rng.random() < 0.5:
        executor = demo_executor[0]
    return execution.appeal_assign(appeal=appeal, actor=assigner, executor=executor)


def _extend(appeal: Appeal, town: Town) -> None:
    assert appeal.unit_id is not None
    head = town.people(appeal.unit_id)[0]
    actor = head.user if head.position.is_head else town.mayor
    until = min(appeal.due_on + EXTENSION, appeal.limit_on)
    if until > appeal.due_on:
        execution.appeal_extend(
            appeal=appeal,
            actor=actor,
            until=until,
            reason=town.rng.choice(demo_answers.EXTEND_REASONS),
        )


def _answer(appeal: Appeal, plan: Plan, town: Town) -> None:
    """The executor answers; the controller returns or accepts; the
    applicant rates."""
    rng = town.rng
    outcome = rng.choices(
        [outcome for outcome, _weight in demo_answers.OUTCOMES],
        weights=[weight for _outcome, weight in demo_answers.OUTCOMES],
    )[0]
    assert appeal.executor is not None  # assigned just now
    answers.answer_submit(
        appeal=appeal,
        actor=appeal.executor,
        text=_answer_text(plan.matter.code, outcome, rng),
        outcome=outcome,
    )
    if plan.fate == F.WAITING:
        return
    controller = appeal.controller
    assert controller is not None  # the rule's controller, else the head
    if plan.fate == F.RETURNED:
        answers.answer_return(
            appeal=appeal,
            actor=controller,
            comment=rng.choice(demo_answers.RETURN_COMMENTS),
        )
        return
    appeal = answers.answer_accept(appeal=appeal, actor=controller)
    if plan.author.account is not None and plan.fate in (F.CLOSED, F.REOPENED):
        _rate(appeal, plan.author.account, fate=plan.fate, rng=rng)


def _answer_text(code: str, outcome: str, rng: random.Random) -> str:
    choices = demo_answers.ANSWERS[code]
    if outcome == AppealOutcome.REFUSED:
        return demo_answers.REFUSED
    if outcome == AppealOutcome.EXPLAINED:
        return choices[-1]
    return rng.choice(choices[:-1])


def _rate(appeal: Appeal, account: User, *, fate: Fate, rng: random.Random) -> None:
    if fate == F.REOPENED:
        feedback.appeal_rate(
            appeal=appeal,
            actor=account,
            resolved=False,
            rating=rng.randint(1, 2),
            comment=rng.choice(demo_answers.NOT_RESOLVED),
        )
        return
    rating = rng.choices(
        [rating for rating, _weight in RATINGS],
        weights=[weight for _rating, weight in RATINGS],
    )[0]
    comment = rng.choice(demo_answers.RATING_COMMENTS[rating])
    if appeal.outcome == AppealOutcome.REFUSED:
        # A refusal understood is still no cause for a high mark.
        rating, comment = rng.choice(demo_answers.REFUSED_RATINGS)
    feedback.appeal_rate(
        appeal=appeal, actor=account, resolved=True, rating=rating, comment=comment
    )
