"""The access tables of the permission tests (tests/articles/, tests/teaching/views/): a row per page, an
expected status per role, and one check that every role gets what its row says."""

import pytest
from django.urls import reverse


def access_cases(pages, roles):
    """(method, url name, world key or None, {role: status}) rows → a case per row and role; a role the row
    does not name must log in first."""
    return [
        pytest.param(
            method, name, key, role, expected.get(role, "login"), id=f"{method}-{name.split(':')[1]}-{key or ''}-{role}"
        )
        for method, name, key, expected in pages
        for role in roles
    ]


def assert_access(client, request, world, method, name, key, role, expected):
    """`role` (a fixture's name, or "anonymous") asks for the page `name` (with the pk `world[key]`)."""
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    url = reverse(name, args=[world[key]] if key else [])
    response = getattr(client, method)(url)
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('login')}?next=")
    else:
        assert response.status_code == expected
