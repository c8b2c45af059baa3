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
