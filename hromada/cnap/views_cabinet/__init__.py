"""The keepers' pages of the registry of services, under /cabinet/services/:
the cards (``cards``), the lists under a card (``items``) and the centres,
providers and life situations (``directory``).

Only the registry's keepers (the centre's administrators and the system
administrator) see them; to other staff they do not exist (404).
"""
