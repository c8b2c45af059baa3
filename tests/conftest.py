import pytest


@pytest.fixture
def secretariat_user(django_user_model):
    """A staff member of the Secretariat group (the group is created by a migration)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "officer", "officer@example.org", "a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Secretariat"))
    return user


@pytest.fixture
def public_site(db):
    """The small published tracker of tests.factories.make_public_site, plus private data."""
    from tests.factories import make_public_site

    return make_public_site()


@pytest.fixture
def csv_vocabulary(db):
    """Areas, meetings and bodies that tests.factories.import_row names."""
    from tests.factories import make_area, make_organisation, make_workshop

    return {
        "minerals": make_area(name="Critical minerals", slug="critical-minerals"),
        "energy": make_area(name="Energy security", slug="energy-security"),
        "canberra": make_workshop(slug="canberra-2025"),
        "tokyo": make_workshop(slug="tokyo-2025"),
        "dfat": make_organisation(
            name="Department of Foreign Affairs and Trade", short_name="DFAT", slug="dfat"
        ),
        "meti": make_organisation(
            name="Ministry of Economy, Trade and Industry", short_name="METI", slug="meti"
        ),
    }


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each test starts in English: a request under /ja/ leaves Japanese active in its thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


def pytest_collection_modifyitems(config, items):
    """Browser tests last, whatever order pytest collected the folders in.

    Each live-server test empties the database when it ends; the rows the migrations wrote
    (the Secretariat and Reviewer groups, their permissions) come back only for tests that
    restore the serialized database. An ordinary test run after one would find no groups.
    (Runs after pytest-django's own ordering, which keeps its database groups in place.)
    """
    items.sort(key=lambda item: "tests/browser/" in item.nodeid.replace("\\", "/"))
