"""Public information pages, and their editing by the secretariat."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sigap.core import audit
from sigap.core.access import request_user
from sigap.core.models import Role
from sigap.intake.forms import InfoPageForm
from sigap.intake.models import InfoPage

EDITORS = frozenset({Role.SECRETARIAT, Role.ADMIN})


def info_list(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/info_list.html", {"pages": InfoPage.objects.all()})


def info_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(InfoPage, slug=slug)
    blocks = _blocks(page.body)
    editor = getattr(request.user, "role", "") in EDITORS
    return render(
        request, "intake/info_page.html", {"page": page, "blocks": blocks, "editor": editor}
    )


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Paragraphs and lists: ("p", [text]) or ("ul", [items])."""
    blocks: list[tuple[str, list[str]]] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(("ul", [line[2:] for line in lines]))
        else:
            blocks.append(("p", [" ".join(lines)]))
    return blocks


@login_required
def info_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = request_user(request)
    if user.role not in EDITORS:
        raise Http404
    page = get_object_or_404(InfoPage, slug=slug)
    form = InfoPageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = form.save(commit=False)
        page.updated_by = user
        page.save()
        audit.record(actor=user, action="change", obj=page, request=request)
        messages.success(request, _("The page was saved."))
        return HttpResponseRedirect(reverse("intake:info_page", args=[page.slug]))
    return render(request, "intake/info_edit.html", {"form": form, "page": page})
