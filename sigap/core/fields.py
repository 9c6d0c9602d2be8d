"""Model fields and file storage that keep identifying data encrypted at rest."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.db import models

from sigap.core.crypto import (
    DecryptionError,
    decrypt_bytes,
    decrypt_text,
    encrypt_bytes,
    encrypt_text,
)

# Set by `sigap loaddata` (core/management/commands/loaddata.py) while it reads a dump.
LOADING_SERIALISED: ContextVar[bool] = ContextVar("sigap_loading_serialised", default=False)


class EncryptedTextField(models.TextField):
    """Text stored encrypted (AES-GCM); Python code sees plain text.

    The database cannot compare encrypted values, so the field refuses every lookup but
    `isnull`: search goes through a blind index column instead. Serialisation (dumpdata,
    backups made with it) writes the ciphertext, and loading it back decrypts it."""

    context = ""

    def contribute_to_class(
        self, cls: type[models.Model], name: str, *args: Any, **kwargs: Any
    ) -> None:
        super().contribute_to_class(cls, name, *args, **kwargs)
        self.context = f"{cls._meta.label_lower}.{name}"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return decrypt_text(value, context=self.context)

    def to_python(self, value: Any) -> str | None:
        """Plain text from people stays as typed: a pasted ciphertext is never decrypted
        (that would turn any form into a decryption oracle). Only while `sigap loaddata`
        restores a dump are values taken as ciphertext, and one that does not decrypt stops
        the load instead of being stored as if it were the value."""
        if value is None:
            return None
        text = str(value)
        if not LOADING_SERIALISED.get():
            return text
        try:
            return decrypt_text(text, context=self.context)
        except (DecryptionError, ValueError) as error:
            raise ValidationError(
                f"{self.context}: a value in the file does not decrypt with the current keys."
            ) from error

    def get_prep_value(self, value: Any) -> str | None:
        # models.Field's, not TextField's: that one would run to_python on the plain text.
        value = models.Field.get_prep_value(self, value)
        if value is None:
            return None
        return encrypt_text(str(value), context=self.context)

    def value_to_string(self, obj: models.Model) -> str:
        value = self.value_from_object(obj)
        return "" if value is None else encrypt_text(str(value), context=self.context)

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise TypeError(
                f"{self.context} is encrypted and cannot be searched with '{lookup_name}'; "
                "use its blind index."
            )
        return super().get_lookup(lookup_name)


class EncryptedFileSystemStorage(FileSystemStorage):
    """Uploaded documents, encrypted on disk; each file is bound to its own name."""

    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        sealed = encrypt_bytes(content.read(), context=f"file:{name}")
        return super()._save(name, ContentFile(sealed))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        with super()._open(name, "rb") as handle:  # type: ignore[misc]
            sealed = handle.read()
        return ContentFile(decrypt_bytes(sealed, context=f"file:{name}"), name=name)

    def size(self, name: str) -> int:
        with self._open(name) as handle:
            return int(handle.size)
