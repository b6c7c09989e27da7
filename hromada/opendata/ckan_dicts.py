"""Datasets, files, publishers and themes in CKAN's shapes (STANDARDS §3.5).

Every id is a string; times are CKAN's naive UTC; the passport travels in
``extras``. The text is the catalogue's own (Ukrainian), whatever language
the client asks for, as on Ukrainian CKAN portals.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from hromada.opendata import catalogue, formats
from hromada.opendata.models import Dataset, Resource, ResourceFormat, ResourceKind
from hromada.opendata.selectors import org_unit_slug
from hromada.org.models import OrgUnit

JsonObject = dict[str, object]


@dataclass(frozen=True, kw_only=True, slots=True)
class Site:
    """The address the client reached the catalogue at."""

    root: str

    def url(self, path: str) -> str:
        """``path`` as an absolute URL."""
        return self.root + path


def site_for(request: HttpRequest) -> Site:
    """The site as the request reached it, so links work for the client."""
    return Site(root=f"{request.scheme}://{request.get_host()}")


def landing_page(dataset: Dataset, *, site: Site) -> str:
    """The dataset's page on the portal."""
    return site.url(reverse("opendata:dataset_detail", args=[dataset.name]))


def download_url(resource: Resource, *, dataset: Dataset, site: Site) -> str:
    """Where a file downloads from."""
    if resource.kind == ResourceKind.STRUCTURE:
        path = reverse("opendata:structure_download", args=[dataset.name])
    else:
        path = reverse(
            "opendata:resource_download", args=[dataset.name, resource.format]
        )
    return site.url(path)


def resource_title(resource: Resource, *, dataset: Dataset) -> str:
    """A file's name in the catalogue."""
    with override("uk"):
        if resource.kind == ResourceKind.STRUCTURE:
            return _("Structure of the dataset (CSV)")
        return f"{dataset.title} ({resource.get_format_display()})"


def resource_description(resource: Resource) -> str:
    """What a file holds, in a sentence."""
    with override("uk"):
        if resource.kind == ResourceKind.STRUCTURE:
            return _("The dataset's fields: name, title, type and meaning.")
        return _("Rows: %(rows)s.") % {"rows": resource.row_count}


def resource_dict(resource: Resource, *, dataset: Dataset, site: Site) -> JsonObject:
    """A file as CKAN's ``resource_show`` gives it."""
    stored = resource.stored_file
    info = formats.FORMATS[ResourceFormat(resource.format)]
    return {
        "id": str(resource.public_id),
        "package_id": str(dataset.public_id),
        "position": resource.position,
        "name": resource_title(resource, dataset=dataset),
        "description": resource_description(resource),
        "url": download_url(resource, dataset=dataset, site=site),
        "url_type": "upload",
        "format": info.label,
        "mimetype": info.content_type,
        "size": stored.size,
        "hash": f"sha256:{stored.sha256}",
        "created": catalogue.ckan_time(resource.created_at),
        "last_modified": catalogue.ckan_time(resource.generated_at),
        "metadata_modified": catalogue.ckan_time(resource.updated_at),
        "resource_type": "file",
        "state": "active",
        "datastore_active": False,
    }


def organization_dict(unit: OrgUnit, *, package_count: int | None = None) -> JsonObject:
    """A publisher unit as a CKAN organization."""
    result: JsonObject = {
        "id": str(unit.public_id),
        "name": org_unit_slug(unit),
        "title": unit.name,
        "display_name": unit.name,
        "description": "",
        "image_url": "",
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "created": catalogue.ckan_time(unit.created_at),
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def group_dict(theme: str, *, package_count: int | None = None) -> JsonObject:
    """A theme as a CKAN group."""
    with override("uk"):
        title = catalogue.theme_title(theme)
    result: JsonObject = {
        "id": theme,
        "name": theme,
        "title": title,
        "display_name": title,
        "description": "",
        "image_url": "",
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def tag_dict(name: str) -> JsonObject:
    """A keyword as a CKAN tag (no vocabularies here)."""
    return {
        "id": name,
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def package_dict(dataset: Dataset, *, site: Site) -> JsonObject:
    """A dataset as CKAN's ``package_show`` gives it, passport in extras."""
    unit = dataset.publisher
    page = landing_page(dataset, site=site)
    tags = [tag_dict(keyword.name) for keyword in dataset.keywords.all()]
    resources = [
        resource_dict(resource, dataset=dataset, site=site)
        for resource in dataset.resources.all()
    ]
    return {
        "id": str(dataset.public_id),
        "name": dataset.name,
        "title": dataset.title,
        "notes": dataset.description,
        "type": "dataset",
        "state": "active",
        "private": False,
        "owner_org": str(unit.public_id) if unit is not None else None,
        "organization": organization_dict(unit) if unit is not None else None,
        "author": unit.name if unit is not None else "",
        "author_email": unit.email if unit is not None else "",
        "maintainer": dataset.responsible_person,
        "maintainer_email": dataset.responsible_email,
        "license_id": dataset.licence,
        "license_title": catalogue.licence_title(dataset),
        "license_url": catalogue.licence_url(dataset),
        "isopen": True,
        "url": page,
        "version": str(dataset.version),
        "metadata_created": catalogue.ckan_time(dataset.first_published_at),
        "metadata_modified": catalogue.ckan_time(dataset.modified_at),
        "tags": tags,
        "groups": [group_dict(dataset.theme)],
        "extras": catalogue.passport_extras(dataset, landing_page=page),
        "resources": resources,
        "num_resources": len(resources),
        "num_tags": len(tags),
        "relationships_as_subject": [],
        "relationships_as_object": [],
    }
