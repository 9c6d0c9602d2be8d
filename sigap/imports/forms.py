"""The upload form and the column mapping step of an import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sigap.core.forms import StyledFormMixin
from sigap.imports.columns import FIELDS


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("List file (XLSX or CSV)"),
        help_text=_("As it came: title rows, merged cells and a total row are fine."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.ods,.csv,.txt"}),
    )
    source = forms.CharField(
        label=_("Where the list came from"), max_length=200, required=False,
        help_text=_("E.g. \"BP3MI Kalimantan Selatan, returns of the first quarter 2024\"."),
    )  # fmt: skip


class MappingForm(StyledFormMixin, forms.Form):
    """One choice per column of the list: which field it holds, or none (see mapping_form)."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen: dict[str, int] = {}
        for key, name in data.items():
            if not name:
                continue
            if name in chosen:
                raise ValidationError(
                    _('Two columns are set to "%(field)s": choose one.') % {"field": FIELDS[name]}
                )
            chosen[name] = int(key.removeprefix("column_"))
        if "name" not in chosen:
            raise ValidationError(_("Choose the column that holds the name."))
        data["mapping"] = chosen
        return data


def mapping_form(data: Any, *, labels: list[str], mapping: dict[str, int]) -> MappingForm:
    """The mapping form of a list with these header labels, proposing `mapping`."""
    by_column = {column: name for name, column in mapping.items() if name in FIELDS}
    choices = [("", _("(not imported)")), *FIELDS.items()]
    columns = {
        f"column_{column}": forms.ChoiceField(
            label=label or _("Column %(number)s (no header)") % {"number": column + 1},
            choices=choices,
            required=False,
            initial=by_column.get(column, ""),
        )
        for column, label in enumerate(labels)
    }
    form_class = type("MappingForm", (MappingForm,), columns)
    return form_class(data)
