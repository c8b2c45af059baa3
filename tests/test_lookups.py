import pytest

from recommendations.models import Recommendation
from tests.factories import make_recommendation


@pytest.mark.django_db
def test_any_of_matches_exactly_the_listed_keys():
    kept = [make_recommendation(), make_recommendation()]
    make_recommendation()
    found = Recommendation.objects.filter(pk__any_of=[r.pk for r in kept])
    assert sorted(found.values_list("pk", flat=True)) == sorted(r.pk for r in kept)
    assert not Recommendation.objects.filter(pk__any_of=[]).exists()


@pytest.mark.django_db
def test_any_of_takes_more_keys_than_a_statement_may_have_parameters(
    django_assert_num_queries,
):
    # 70,000 keys: over SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
    rec = make_recommendation()
    keys = [rec.pk, *range(10**9, 10**9 + 70_000)]
    with django_assert_num_queries(1):
        assert list(Recommendation.objects.filter(pk__any_of=keys)) == [rec]


@pytest.mark.django_db
def test_any_of_works_inside_a_subquery():
    rec = make_recommendation()
    make_recommendation()
    inner = Recommendation.objects.filter(pk__any_of=[rec.pk]).values("pk")
    assert list(Recommendation.objects.filter(pk__in=inner)) == [rec]


@pytest.mark.django_db
def test_none_of_keeps_exactly_the_unlisted_keys_however_many_are_listed():
    listed = [make_recommendation(), make_recommendation()]
    kept = make_recommendation()
    keys = [r.pk for r in listed] + list(range(10**9, 10**9 + 70_000))
    assert list(Recommendation.objects.filter(pk__none_of=keys)) == [kept]
    assert Recommendation.objects.filter(pk__none_of=[]).count() == 3
