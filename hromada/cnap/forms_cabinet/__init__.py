"""Forms of the registry of services' keepers: the information card
(``cards``), the lists under it (``items``) and the centres, providers and
life situations (``directory``)."""
