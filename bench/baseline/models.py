from django.db import models


class Row(models.Model):
    """A row for the read and insert baselines."""

    title = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title
