"""Search data: the indexed documents and their exact fields."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel


class SearchDocument(BaseModel):
    """One indexed object of another room, as text and lemma text.

    Derived data: written only by ``services.search_document_index`` and
    rebuilt from the source object at any time. The backend keeps its own
    structure beside it (an FTS5 table on SQLite; a generated ``tsvector``
    column with a GIN index on PostgreSQL), both created by migration 0002.
    """

    kind = models.CharField(_("kind"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    title = models.CharField(_("title"), max_length=1000)
    body = models.TextField(_("body"), blank=True)
    title_lemmas = models.TextField(_("title lemmas"), blank=True)
    lemmas = models.TextField(_("lemmas"), blank=True)
    fields = models.JSONField(_("exact fields"), default=dict, blank=True)
    is_public = models.BooleanField(_("is public"), default=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_searchdocument_unique_object"
            ),
            models.CheckConstraint(
                condition=~Q(kind="") & ~Q(object_id=""),
                name="search_searchdocument_ids_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchField(models.Model):
    """One exact field of an indexed document, e.g. a registration number.

    ``value`` is normalised (``lemmatiser.normalise_value``), so lookups
    ignore case, apostrophe and dash variants. Part of its document, hence
    ``CASCADE``.
    """

    document = models.ForeignKey(
        SearchDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="exact_fields",
    )
    name = models.CharField(_("name"), max_length=64)
    value = models.CharField(_("value"), max_length=255)

    class Meta:
        verbose_name = _("exact search field")
        verbose_name_plural = _("exact search fields")
        indexes = [
            models.Index(fields=["name", "value"], name="search_searchfield_name_value")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "name"], name="search_searchfield_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
