"""The site's URL converter for ids: ``<id:pk>`` in every URL pattern instead of Django's ``<int:pk>``.

Django's ``int`` matches any run of digits, and an id of 25 digits typed or cut in an address reached the
database: SQLite refuses a number no integer column can hold (OverflowError), and the page answered with a
server error. An id here is what a database integer (a signed 64-bit BIGINT) can hold; a longer one matches
no URL, so the answer is the site's ordinary 404.

Registered when the root URLconf (teaching/urls.py) imports this module, before it includes articles.urls and
the admin, whose patterns use it too (articles never imports teaching).
"""

from django.urls import register_converter

LARGEST = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > LARGEST:
            raise ValueError("no row has an id this large")  # the resolver reads this as "no match"
        return number

    def to_url(self, value) -> str:
        return str(value)  # as Django's int converter: "True" or an object's own text must match the regex to reverse


register_converter(IdConverter, "id")
