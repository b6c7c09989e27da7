"""The classifier's trained models, one row per training run."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel


class ClassifierTarget(models.TextChoices):
    """What a model suggests."""

    CATEGORY = "category", _("Category")
    UNIT = "unit", _("Responsible unit")


class ClassifierModel(BaseModel):
    """A naive Bayes model trained on the city's routed history.

    ``data`` holds the counts (``classifier.NaiveBayes.as_json``); labels
    are category codes or unit ids as text. ``accuracy`` is measured on
    the held-out fifth of the history, never on what it learnt from.
    """

    target = models.CharField(_("suggests"), max_length=16, choices=ClassifierTarget)
    trained_at = models.DateTimeField(_("trained at"))
    samples = models.PositiveIntegerField(_("appeals learnt from"))
    held_out = models.PositiveIntegerField(_("appeals held out"))
    accuracy = models.FloatField(_("accuracy on held-out appeals"), null=True)
    data = models.JSONField(_("model"))

    class Meta:
        verbose_name = _("classifier model")
        verbose_name_plural = _("classifier models")
        ordering = ["target", "-trained_at", "-pk"]
        indexes = [models.Index(fields=["target", "-trained_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__in=ClassifierTarget.values),
                name="appeals_classifier_target_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target} {self.trained_at:%Y-%m-%d}"
