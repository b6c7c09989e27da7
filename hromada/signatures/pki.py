"""The demo public-key infrastructure, built with ``cryptography``.

DEMO AND TESTS ONLY. A "<city> Demo CA" root and personal certificates
whose private keys are kept on the server in PKCS#12 stores encrypted with
a passphrase derived from ``SECRET_KEY``. Real КЕП keys NEVER live on the
server: in production a person signs in their own tool (Дія.Підпис, a
КНЕДП token) and the server only validates the result.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings

# Personal certificates of qualified providers are issued for two years.
USER_VALIDITY = timedelta(days=730)
AUTHORITY_VALIDITY = timedelta(days=3650)
# Clocks of the signer and a validator may differ by a little.
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True, kw_only=True, slots=True)
class Issued:
    """A new certificate with its private key (in memory only)."""

    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey


def key_store_passphrase() -> bytes:
    """The passphrase of demo key stores, derived from ``SECRET_KEY``.

    A changed ``SECRET_KEY`` makes old demo stores unreadable; reissue them.
    """
    return (
        hmac.new(
            settings.SECRET_KEY.encode(),
            b"hromada.signatures.demo-key-store",
            hashlib.sha256,
        )
        .hexdigest()
        .encode()
    )


def _name(*, common_name: str, unit: str = "") -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "UA"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, settings.CITY_NAME[:64]),
    ]
    if unit:
        attributes.append(
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit[:64])
        )
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]))
    return x509.Name(attributes)


def authority_issue(*, common_name: str, now: datetime) -> Issued:
    """A self-signed root that may issue end-entity certificates only."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name=common_name)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + AUTHORITY_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), False)
        .sign(key, hashes.SHA256())
    )
    return Issued(certificate=certificate, key=key)


def person_issue(
    *, authority: Issued, common_name: str, unit: str, now: datetime
) -> Issued:
    """An end-entity signing certificate (non-repudiation) for two years."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name=common_name, unit=unit))
        .issuer_name(authority.certificate.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + USER_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(
                authority.key.public_key()
            ),
            False,
        )
        .sign(authority.key, hashes.SHA256())
    )
    return Issued(certificate=certificate, key=key)


def key_store_pack(issued: Issued) -> bytes:
    """An encrypted PKCS#12 holding the key and its certificate."""
    return pkcs12.serialize_key_and_certificates(
        name=b"hromada-demo",
        key=issued.key,
        cert=issued.certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(
            key_store_passphrase()
        ),
    )


def key_store_unpack(*, key_store: bytes) -> Issued:
    """Open a demo PKCS#12; ``ValueError`` if it cannot be read."""
    key, certificate, _others = pkcs12.load_key_and_certificates(
        key_store, key_store_passphrase()
    )
    if not isinstance(key, ec.EllipticCurvePrivateKey) or certificate is None:
        raise ValueError("The demo key store holds no EC key and certificate")
    return Issued(certificate=certificate, key=key)


def common_name(name: x509.Name) -> str:
    """The first CN of a name, or an empty string."""
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = values[0].value if values else ""
    return value if isinstance(value, str) else value.decode()


def pem(certificate: x509.Certificate) -> str:
    """The certificate in PEM text."""
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def fingerprint(certificate: x509.Certificate) -> str:
    """The lowercase hex SHA-256 of the DER certificate."""
    return certificate.fingerprint(hashes.SHA256()).hex()
