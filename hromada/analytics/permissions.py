"""Who may read the staff's analytics of appeals.

The city's leadership and its analysts: the roles that see every appeal
(``appeals.permissions.oversees_appeals``), so the figures, confidential
appeals included, never show them more than their own pages do. The
public statistics page needs no permission: it counts public appeals only.
"""

from hromada.appeals import permissions as appeal_permissions

can_view_appeal_analytics = (
    appeal_permissions.is_staff & appeal_permissions.oversees_appeals
)
