"""The signing and verification interfaces every signature backend meets.

PAdES with RSA/ECDSA via pyHanko is the first backend. ДСТУ 4145 (КЕП of
Ukrainian qualified providers) is an adapter still to come behind the same
``Signer``/``Verifier``: no open Python implementation exists, and none is
faked here (ARCHITECTURE.md).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hromada.signatures.models import Certificate


@dataclass(frozen=True, kw_only=True, slots=True)
class VerificationResult:
    """What a verifier found in a signed PDF.

    ``intact``: every signature covers its bytes unchanged; ``trusted``: every
    signer's chain ends at a trusted root; ``signer_cn`` and ``signed_at``
    describe the latest signature; ``summary`` is for people and the record.
    """

    intact: bool
    trusted: bool
    signer_cn: str
    signed_at: datetime | None
    summary: str
    signature_count: int = 0


class Signer(Protocol):
    """Signs a PDF with a certificate whose key the backend can use.

    The server-side signer is for the demo PKI and an institutional e-seal
    HSM; a person's КЕП signs in their own tool, never on the server.
    """

    def sign_pdf(
        self, *, pdf: bytes, certificate: Certificate, reason: str, location: str
    ) -> bytes:
        """Return the signed PDF (an incremental update of ``pdf``)."""
        ...


class Verifier(Protocol):
    """Checks every signature embedded in a PDF."""

    def verify_pdf(self, *, pdf: bytes) -> VerificationResult:
        """Validate integrity and trust; never raises on a broken file."""
        ...
