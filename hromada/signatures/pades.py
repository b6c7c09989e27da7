"""PAdES signing and validation with pyHanko (RSA/ECDSA certificates).

``PadesSigner`` signs with a key kept on the server, which is true only of
the demo PKI (and, later, of an institutional e-seal in an HSM). A person's
КЕП never signs here; ДСТУ 4145 is an adapter still to come.
"""

import asyncio
import io
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from hromada.core.errors import ApplicationError
from hromada.signatures import pki, selectors
from hromada.signatures.interfaces import VerificationResult
from hromada.signatures.models import Certificate

logger = logging.getLogger(__name__)
T = TypeVar("T")


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(
        certificate.public_bytes(serialization.Encoding.DER)
    )


class PadesSigner:
    """Signs a PDF as PAdES-B-B with a demo key store kept on the server."""

    def sign_pdf(
        self, *, pdf: bytes, certificate: Certificate, reason: str, location: str
    ) -> bytes:
        """Append a signature as an incremental update; earlier ones hold."""
        if not certificate.key_store:
            raise ApplicationError(
                _(
                    "The key of this certificate is not on the server. Sign the "
                    "document in your own signing tool."
                ),
                code="signature_key_not_on_server",
            )
        signer = signers.SimpleSigner.load_pkcs12_data(
            pkcs12_bytes=bytes(certificate.key_store),
            other_certs=[_asn1(root) for root in selectors.trust_root_list()],
            passphrase=pki.key_store_passphrase(),
        )
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            count = len(writer.prev.embedded_signatures)
            metadata = signers.PdfSignatureMetadata(
                field_name=f"Signature{count + 1}",
                reason=reason,
                location=location,
                md_algorithm="sha256",
                subfilter=fields.SigSeedSubFilter.PADES,
            )
            output = signers.sign_pdf(writer, metadata, signer=signer)
        except (PdfError, SigningError, ValueError) as error:
            logger.warning("PDF could not be signed", exc_info=True)
            raise ApplicationError(
                _("The PDF could not be signed: it is damaged or unsupported."),
                code="signature_pdf_unreadable",
            ) from error
        signed: bytes = output.getvalue()
        return signed


def _status_summary(status: PdfSignatureStatus) -> str:
    return str(status.summary())


def _signer_cn(status: PdfSignatureStatus) -> str:
    names = status.signing_cert.subject.native
    return str(names.get("common_name", ""))


class PadesVerifier:
    """Validates every PAdES signature of a PDF against the trust roots."""

    def verify_pdf(self, *, pdf: bytes) -> VerificationResult:
        """Check integrity and trust of each signature; never raises."""
        return _outside_event_loop(lambda: self._verify(pdf))

    def _verify(self, pdf: bytes) -> VerificationResult:
        context = ValidationContext(
            trust_roots=[_asn1(root) for root in selectors.trust_root_list()],
            allow_fetching=False,
        )
        try:
            reader = PdfFileReader(io.BytesIO(pdf), strict=False)
            statuses = [
                validate_pdf_signature(embedded, context)
                for embedded in reader.embedded_signatures
            ]
        except (PdfError, ValueError, KeyError, TypeError):
            logger.info("A PDF signature could not be read", exc_info=True)
            return VerificationResult(
                intact=False,
                trusted=False,
                signer_cn="",
                signed_at=None,
                summary="unreadable",
            )
        return self._result(statuses)

    @staticmethod
    def _result(statuses: list[PdfSignatureStatus]) -> VerificationResult:
        if not statuses:
            return VerificationResult(
                intact=False,
                trusted=False,
                signer_cn="",
                signed_at=None,
                summary="no signature",
            )
        last = statuses[-1]
        intact = all(
            status.intact and status.valid and status.docmdp_ok for status in statuses
        ) and (last.coverage == SignatureCoverageLevel.ENTIRE_FILE)
        return VerificationResult(
            intact=intact,
            trusted=intact and all(status.trusted for status in statuses),
            signer_cn=_signer_cn(last),
            signed_at=last.signer_reported_dt,
            summary="; ".join(_status_summary(status) for status in statuses),
            signature_count=len(statuses),
        )


def _outside_event_loop(work: Callable[[], T]) -> T:
    """Run ``work`` where ``asyncio.run`` is allowed.

    pyHanko's synchronous validation calls ``asyncio.run``, which refuses to
    start inside a running event loop (an ASGI view, a test driving a
    browser); there the work, database reads included, runs in a
    short-lived worker thread instead, as ``sync_to_async`` would.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(work).result()
