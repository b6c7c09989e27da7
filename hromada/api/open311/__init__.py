"""Open311 GeoReport v2 at ``/open311/v2/`` (STANDARDS §1).

Plain Django views with their own XML and JSON renderings: the service
catalogue is the appeals room's category tree, a POSTed request is
accepted through ``appeal_accept`` and registered a moment later (its
token then resolves to the request's id), and requests and updates are
read from the public selectors. The keys of the client applications are
issued in the cabinet (``views_cabinet``).
"""
