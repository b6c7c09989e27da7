"""Template tags of the design system: ``{% load ui %}``."""

import functools
from typing import Any

import segno
from django import template
from django.core.paginator import Page
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def query_transform(query: QueryDict | None, *pairs: Any, **changes: Any) -> str:
    """``query`` (``request.GET``) with some parameters set, URL-encoded.

    ``{% query_transform request.GET page=2 %}`` or, for a parameter whose
    name is in a variable, ``{% query_transform request.GET name value %}``.
    A value of ``None`` removes the parameter.
    """
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("query_transform takes name, value pairs.")
    changes = {**dict(zip(pairs[::2], pairs[1::2], strict=True)), **changes}
    # A new QueryDict of the same lists: QueryDict.copy() deep-copies,
    # a third slower, and a page of facets asks for fifty of these.
    result = QueryDict(mutable=True)
    for name, values in query.lists() if query is not None else ():
        result.setlist(name, list(values))
    for name, value in changes.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = str(value)
    return result.urlencode()


@register.simple_tag
def pagination_links(page: Page, query: QueryDict | None, param: str) -> dict[str, Any]:
    """Addresses for GOV.UK pagination: previous, next and elided pages."""

    def href(number: int) -> str:
        return "?" + query_transform(query, param, number)

    paginator = page.paginator
    pages: list[dict[str, Any]] = [
        {"number": number, "href": href(number), "current": number == page.number}
        if isinstance(number, int)
        else {"ellipsis": True}
        for number in paginator.get_elided_page_range(
            page.number, on_each_side=1, on_ends=1
        )
    ]
    return {
        "previous": href(page.previous_page_number()) if page.has_previous() else "",
        "next": href(page.next_page_number()) if page.has_next() else "",
        "pages": pages,
    }


@register.simple_tag
def qr_code(address: str, label: str) -> SafeString:
    """A QR code of ``address`` as inline SVG, named ``label`` for screen
    readers; drawn on the server, so it needs no script and prints sharply.
    """
    return format_html(
        '<div class="hromada-qr" role="img" aria-label="{}">{}</div>',
        label,
        # segno's SVG holds only path data and the escaped address.
        mark_safe(_qr_svg(address)),
    )


@functools.lru_cache(maxsize=1024)
def _qr_svg(address: str) -> str:
    """The SVG of ``address``'s code, kept: choosing the code's mask takes
    most of an act page's rendering (15 ms), and addresses do not change."""
    code = segno.make(address, error="m")
    svg: str = code.svg_inline(
        scale=4, border=2, svgclass="hromada-qr__code", lineclass=None
    )
    return svg
