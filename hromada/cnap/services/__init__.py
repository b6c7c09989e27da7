"""Writes of the registry of administrative services: the cards
(``cards``), the lists under a card (``items``) and the centres, providers
and life situations the cards refer to (``directory``)."""
