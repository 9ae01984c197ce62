"""Roles and what each may see. The server enforces the same rules the client shows.

Restricted tags are here; who sees ID numbers and phones whole is `inspector.disclosure`.
"""

from __future__ import annotations

WORKER = "worker"  # 网格员
STAFF = "staff"  # 社区工作人员
SUPERVISOR = "supervisor"  # 监督员/指挥中心
ADMIN = "admin"  # 系统管理员

ROLES = (WORKER, STAFF, SUPERVISOR, ADMIN)

# Restricted tags (社区矫正, 精神障碍 …) are shown to and sent to these roles only.
SEES_RESTRICTED = frozenset({SUPERVISOR})


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    return role


def sees_restricted(role: str) -> bool:
    return role in SEES_RESTRICTED
