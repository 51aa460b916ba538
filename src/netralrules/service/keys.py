"""API keys and roles. A key is `nrk_<id>_<secret>`: the id is public (it names the caller in the
store and the access log), the secret is 256 random bits. Only SHA-256 of the whole key is stored;
with that much entropy a slow hash adds nothing (docs/service.md).

Roles: `submitter` evaluates, `reviewer` reads decisions and rulebook versions, `admin` reloads the
rulebook, manages keys and tombstones incidents. A role grants only its own rights.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from netralrules.service.store import ApiKey, Store

ROLES = ("submitter", "reviewer", "admin")
OPEN_CALLER = "lokal"  # the caller when no key is configured (loopback only)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(store: Store, role: str, name: str = "") -> tuple[ApiKey, str]:
    """A new key of `role`: the stored record and the key itself (shown once, never stored)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    key_id = secrets.token_hex(6)
    key = f"nrk_{key_id}_{secrets.token_urlsafe(32)}"
    return store.add_key(key_id, key_hash(key), role, name), key


def authenticate(store: Store, key: str) -> ApiKey | None:
    """The active key record this key belongs to, or None."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "nrk":
        return None
    record = store.key(parts[1])
    if record is None or record.revoked_at is not None:
        return None
    return record if hmac.compare_digest(record.key_sha256, key_hash(key)) else None
