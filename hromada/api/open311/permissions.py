"""Who may issue and revoke Open311 keys: system administrators only.

A key files appeals in the council's name of a whole application, so it is
an administrator's decision, like the users and roles they keep.
"""

from hromada.accounts import permissions as account_permissions

can_manage_open311_clients = (
    account_permissions.can_use_cabinet & account_permissions.is_system_administrator
)
