"""The status ladder and the completion share every roll-up is computed from."""

import pytest

from recommendations.choices import (
    CLOSED_STATUSES,
    COMPLETION_WEIGHT,
    PRIORITY_RANK,
    Priority,
    Status,
    completion_share,
)


def test_every_status_has_a_completion_weight_between_0_and_100():
    assert set(COMPLETION_WEIGHT) == set(Status)
    assert all(0 <= weight <= 100 for weight in COMPLETION_WEIGHT.values())


def test_the_ladder_climbs_to_implemented():
    ladder = [
        Status.PROPOSED,
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.PARTIALLY_IMPLEMENTED,
        Status.IMPLEMENTED,
    ]
    weights = [COMPLETION_WEIGHT[status] for status in ladder]
    assert weights == sorted(weights)
    assert COMPLETION_WEIGHT[Status.IMPLEMENTED] == 100
    assert COMPLETION_WEIGHT[Status.NOT_ACCEPTED] == 0


def test_closed_statuses_are_implemented_and_not_accepted():
    assert set(CLOSED_STATUSES) == {Status.IMPLEMENTED, Status.NOT_ACCEPTED}


def test_every_priority_has_a_rank_most_urgent_first():
    assert set(PRIORITY_RANK) == set(Priority)
    assert (
        PRIORITY_RANK[Priority.HIGH] < PRIORITY_RANK[Priority.MEDIUM] < PRIORITY_RANK[Priority.LOW]
    )


@pytest.mark.parametrize(
    ("counts", "share"),
    [
        ({}, 0.0),
        (dict.fromkeys(Status.values, 0), 0.0),
        ({Status.IMPLEMENTED: 4}, 100.0),
        ({Status.IMPLEMENTED: 1, Status.PROPOSED: 1}, 50.0),
        ({Status.IN_PROGRESS: 1, Status.PARTIALLY_IMPLEMENTED: 1}, 37.5),
        # Declined recommendations stay in the denominator: they were not implemented.
        ({Status.IMPLEMENTED: 1, Status.NOT_ACCEPTED: 1}, 50.0),
        ({Status.IMPLEMENTED: 1, Status.NOT_STARTED: 2}, 33.3),
        ({"implemented": 2, "in_progress": 1}, 75.0),  # plain values, as from the database
    ],
)
def test_completion_share(counts, share):
    assert completion_share(counts) == share


def test_completion_share_of_status_counts_from_the_database(db):
    from recommendations.models import Recommendation
    from tests.factories import make_recommendation

    make_recommendation(status=Status.IMPLEMENTED)
    make_recommendation(status=Status.PARTIALLY_IMPLEMENTED)
    make_recommendation(status=Status.NOT_ACCEPTED)
    make_recommendation()
    assert completion_share(Recommendation.objects.status_counts()) == 37.5


def test_an_unknown_status_is_an_error_not_a_silent_zero():
    with pytest.raises(ValueError):
        completion_share({"finished": 1})
