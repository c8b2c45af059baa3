import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PASSWORD_LINE = re.compile(r"password: (\S+)")


def run_command(*args):
    out = io.StringIO()
    call_command("create_local_admin", *args, stdout=out)
    return out.getvalue()


def test_creates_a_superuser_whose_printed_password_works(client):
    output = run_command()

    user = get_user_model().objects.get(username="admin")
    password = PASSWORD_LINE.search(output).group(1)
    assert user.is_superuser and user.is_staff
    assert user.check_password(password)
    assert len(password) >= 16
    assert output.startswith("#####")  # framed, so it stands out in the terminal
    # The printed password signs in to the admin (django-axes wants the request).
    assert (
        client.post(
            "/admin/login/?next=/admin/", {"username": "admin", "password": password}
        ).status_code
        == 302
    )
    assert client.get("/admin/").status_code == 200


def test_joins_the_secretariat_group_created_by_the_migration():
    run_command()

    user = get_user_model().objects.get(username="admin")
    assert list(user.groups.values_list("name", flat=True)) == ["Secretariat"]


def test_works_when_the_group_is_missing():
    Group.objects.filter(name="Secretariat").delete()

    run_command()

    assert not get_user_model().objects.get(username="admin").groups.exists()


def test_each_install_gets_its_own_password():
    first = PASSWORD_LINE.search(run_command()).group(1)
    get_user_model().objects.all().delete()
    second = PASSWORD_LINE.search(run_command()).group(1)

    assert first != second


def test_second_run_keeps_the_account_and_prints_no_secret():
    first = run_command()
    password = PASSWORD_LINE.search(first).group(1)

    second = run_command()

    assert "with the password shown the first time" in second
    assert password not in second and "password:" not in second
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert get_user_model().objects.count() == 1


def test_username_option():
    output = run_command("--username", "secretary")

    assert "username: secretary" in output
    assert get_user_model().objects.get(username="secretary").is_superuser
