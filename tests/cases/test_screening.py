"""The screening rule for every combination: child without means, adult without means,
unknown versus absent, and the explanation that comes with each result."""

from itertools import product

import pytest
from django.utils.translation import override
from hypothesis import given
from hypothesis import strategies as st

from sigap.cases.screening import (
    ELEMENTS,
    Answer,
    Outcome,
    ScreeningAnswers,
    element_state,
    screen,
)
from sigap.cases.vocabulary import Act, Means, Purpose

ALL_NO = {
    "act": dict.fromkeys(Act.values, Answer.NO),
    "means": dict.fromkeys(Means.values, Answer.NO),
    "purpose": dict.fromkeys(Purpose.values, Answer.NO),
}


def answers_with(states, child):
    """Answers whose elements are in the given states (yes: one item yes, the rest no;
    no: every item no; unknown: one item unknown, the rest no)."""
    built = {}
    for name, state in states.items():
        items = dict(ALL_NO[name])
        first = next(iter(items))
        if state == Answer.YES:
            items[first] = Answer.YES
        elif state == Answer.UNKNOWN:
            items[first] = Answer.UNKNOWN
        built[name] = items
    return ScreeningAnswers(**built, child=child)


def expected(act, means, purpose, child):
    """The rule as DOMAIN.md states it, written independently of the code."""
    if act == "yes" and purpose == "yes" and (means == "yes" or child is True):
        return Outcome.INDICATED
    if act == "no" or purpose == "no" or (means == "no" and child is False):
        return Outcome.NOT_INDICATED
    return Outcome.INSUFFICIENT


STATES = [Answer.YES, Answer.NO, Answer.UNKNOWN]


@pytest.mark.parametrize(
    ("act", "means", "purpose", "child"), list(product(STATES, STATES, STATES, [True, False, None]))
)
def test_every_combination_follows_the_rule(act, means, purpose, child):
    result = screen(answers_with({"act": act, "means": means, "purpose": purpose}, child))
    assert result.outcome == expected(act, means, purpose, child)
    assert result.elements == {"act": act, "means": means, "purpose": purpose}


def test_a_child_recruited_for_exploitation_is_indicated_without_means():
    result = screen(answers_with({"act": "yes", "means": "no", "purpose": "yes"}, child=True))
    assert result.outcome == Outcome.INDICATED
    with override("id"):
        text = " ".join(str(reason) for reason in result.reasons)
    assert "anak" in text and "tidak diperlukan" in text


def test_an_adult_without_means_is_not_indicated():
    result = screen(answers_with({"act": "yes", "means": "no", "purpose": "yes"}, child=False))
    assert result.outcome == Outcome.NOT_INDICATED


def test_unknown_age_and_no_means_is_insufficient_not_a_no():
    result = screen(answers_with({"act": "yes", "means": "no", "purpose": "yes"}, child=None))
    assert result.outcome == Outcome.INSUFFICIENT


def test_unanswered_items_count_as_unknown_not_as_absent():
    empty = ScreeningAnswers(act={}, means={}, purpose={}, child=False)
    assert screen(empty).outcome == Outcome.INSUFFICIENT
    assert element_state({}, Act) == Answer.UNKNOWN
    one_missing = dict.fromkeys(Act.values[1:], Answer.NO)
    assert element_state(one_missing, Act) == Answer.UNKNOWN


def test_the_explanation_names_the_answers_that_led_to_it():
    answers = ScreeningAnswers(
        act={Act.RECRUITMENT: Answer.YES},
        means={Means.FRAUD: Answer.YES, Means.DEBT_BONDAGE: Answer.YES},
        purpose={Purpose.FORCED_LABOUR: Answer.YES},
        child=False,
    )
    result = screen(answers)
    assert result.outcome == Outcome.INDICATED
    with override("id"):
        lines = [str(reason) for reason in result.reasons]
    assert lines[0] == "Tindakan ada: Perekrutan."
    assert "Penipuan" in lines[1] and "Penjeratan utang" in lines[1]
    assert "Kerja atau pelayanan paksa" in lines[2]


answer = st.sampled_from(list(Answer))


def answer_maps(choices):
    return st.dictionaries(st.sampled_from(choices.values), answer)


@given(
    act=answer_maps(Act),
    means=answer_maps(Means),
    purpose=answer_maps(Purpose),
    child=st.sampled_from([True, False, None]),
)
def test_any_answers_give_the_outcome_of_the_rule(act, means, purpose, child):
    given_answers = {"act": act, "means": means, "purpose": purpose}
    result = screen(ScreeningAnswers(**given_answers, child=child))
    states = {
        name: element_state(given_answers[name], choices) for name, choices in ELEMENTS.items()
    }
    assert result.outcome == expected(states["act"], states["means"], states["purpose"], child)
    assert len(result.reasons) >= 3
