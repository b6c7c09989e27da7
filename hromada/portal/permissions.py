"""Who may change the portal's structure; page editing itself is Wagtail's
page permissions, which the sections set up."""

import rules

from hromada.accounts import permissions as accounts_permissions

# Sections (groups, page permissions, workflows) are set up by the
# installation's administrators; editors work inside them.
can_manage_sections = rules.is_active & accounts_permissions.is_system_administrator
