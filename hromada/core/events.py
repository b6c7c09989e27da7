"""Typed events that carry news from a lower room to the rooms above it."""

import logging
from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

from django.db import transaction

logger = logging.getLogger(__name__)
E = TypeVar("E")


class EventChannel(Generic[E]):
    """A named channel; receivers are called after the sender's commit.

    Receivers connect in their room's ``AppConfig.ready``; a receiver that
    fails is logged and does not stop the others or reach the sender.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._receivers: list[Callable[[E], None]] = []

    def connect(self, receiver: Callable[[E], None]) -> None:
        if receiver not in self._receivers:
            self._receivers.append(receiver)

    def disconnect(self, receiver: Callable[[E], None]) -> None:
        if receiver in self._receivers:
            self._receivers.remove(receiver)

    def send_on_commit(self, event: E) -> None:
        transaction.on_commit(partial(self._deliver, event))

    def _deliver(self, event: E) -> None:
        for receiver in list(self._receivers):
            try:
                receiver(event)
            except Exception:
                logger.exception("Receiver %r failed on %s", receiver, self.name)
