"""News: the index, the articles, their categories and tags."""

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images.models import Image
from wagtail.search import index

from hromada.org.models import OrgUnit
from hromada.portal.models.base import RICH_TEXT_FEATURES, PortalPage


class NewsCategory(models.Model):
    """A rubric of news ("Благоустрій", "Освіта"); each has its own feed."""

    name: "models.CharField[str, str]" = models.CharField(
        _("name"), max_length=100, unique=True
    )
    slug: "models.SlugField[str, str]" = models.SlugField(
        _("slug"), max_length=100, unique=True
    )
    sort_order: "models.PositiveIntegerField[int, int]" = models.PositiveIntegerField(
        _("order"), default=0
    )

    panels: ClassVar[list[Any]] = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class NewsIndexPage(PortalPage):
    """The list of news below it, newest first, with feeds."""

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
    ]
    subpage_types: ClassVar[list[str]] = ["portal.NewsPage"]
    parent_page_types: ClassVar[list[str]] = ["portal.HomePage", "portal.BodyPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.news_index(request=request, index=self)}

    def search_text(self) -> str:
        """The introduction."""
        return self.intro


class NewsPageTag(TaggedItemBase):
    """A tag on one news article."""

    content_object = ParentalKey(
        "portal.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsPage(PortalPage):
    """One news article: a lead, the text, a picture, its categories and tags,
    and the unit of the council it comes from."""

    og_type: ClassVar[str] = "article"
    schema_type: ClassVar[str] = "NewsArticle"

    lead: "models.TextField[str, str]" = models.TextField(
        _("lead"),
        max_length=400,
        help_text=_("One or two sentences shown in lists and feeds."),
    )
    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)
    image: "models.ForeignKey[Image | None, Image | None]" = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt: "models.CharField[str, str]" = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="news"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=NewsPageTag, blank=True
    )
    org_unit: "models.ForeignKey[OrgUnit | None, OrgUnit | None]" = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit of the council the news comes from."),
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        FieldPanel("categories"),
        FieldPanel("tags"),
        FieldPanel("org_unit"),
    ]
    search_fields: ClassVar[list[Any]] = [
        *PortalPage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.NewsIndexPage"]
    subpage_types: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import selectors

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = list(self.categories.all())
        context["tag_names"] = sorted(tag.name for tag in self.tags.all())
        context["feed_index"] = selectors.news_index_main()
        return context

    def search_text(self) -> str:
        """The lead and the text without markup."""
        from django.utils.html import strip_tags

        return f"{self.lead}\n{strip_tags(self.body)}"

    def schema_entity(self, request: HttpRequest) -> dict[str, Any]:
        """A ``NewsArticle`` (STANDARDS §5.5)."""
        from hromada.portal import metadata

        return metadata.news_article(page=self, request=request)

    def image_for_sharing(self) -> Image | None:
        """The article's picture."""
        return self.image
