"""A unit's key pair and certificate signing request (zatca.md §4).

The key is secp256k1. The CSR's subject: C=SA, OU (branch), O (taxpayer's legal name), CN (unit name).
Its extensions, as ZATCA's SDK writes them: the certificate template name (Microsoft's OID
1.3.6.1.4.1.311.20.2, a PrintableString: `TSTZATCA-Code-Signing` on the sandbox,
`PREZATCA-Code-Signing` on the simulation, `ZATCA-Code-Signing` in production) and a subject
alternative name holding a directory name with SN (`1-<solution>|2-<version>|3-<unit serial>`), UID
(the VAT number), title (the invoice types: `0100` simplified only), registeredAddress and
businessCategory."""

import base64
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID, ObjectIdentifier

TEMPLATE_NAME_OID = ObjectIdentifier("1.3.6.1.4.1.311.20.2")
SIMPLIFIED_ONLY = "0100"
TEMPLATES = {
    "sandbox": "TSTZATCA-Code-Signing",
    "simulation": "PREZATCA-Code-Signing",
    "production": "ZATCA-Code-Signing",
}


@dataclass(frozen=True)
class CsrDetails:
    unit_name: str
    legal_name: str
    branch: str
    vat_number: str
    unit_serial: str
    registered_address: str
    business_category: str
    environment: str = "sandbox"
    solution_name: str = "Salon"
    solution_version: str = "1.0"
    invoice_types: str = SIMPLIFIED_ONLY


def generate_private_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256K1())


def private_key_pem(key: ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def load_private_key(pem: str) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256K1):
        raise ValueError("not a secp256k1 private key")
    return key


def _printable_string(value: str) -> bytes:
    raw = value.encode("ascii")
    if len(raw) > 127:
        raise ValueError("template name too long")
    return bytes((0x13, len(raw))) + raw


def build_csr(details: CsrDetails, key: ec.EllipticCurvePrivateKey) -> x509.CertificateSigningRequest:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SA"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, details.branch),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, details.legal_name),
            x509.NameAttribute(NameOID.COMMON_NAME, details.unit_name),
        ]
    )
    directory = x509.Name(
        [
            x509.NameAttribute(
                NameOID.SURNAME, f"1-{details.solution_name}|2-{details.solution_version}|3-{details.unit_serial}"
            ),
            x509.NameAttribute(NameOID.USER_ID, details.vat_number),
            x509.NameAttribute(NameOID.TITLE, details.invoice_types),
            x509.NameAttribute(ObjectIdentifier("2.5.4.26"), details.registered_address),
            x509.NameAttribute(NameOID.BUSINESS_CATEGORY, details.business_category),
        ]
    )
    template = x509.UnrecognizedExtension(TEMPLATE_NAME_OID, _printable_string(TEMPLATES[details.environment]))
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject)
        .add_extension(template, critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.DirectoryName(directory)]), critical=False)
        .sign(key, hashes.SHA256())
    )


def csr_for_api(csr: x509.CertificateSigningRequest) -> str:
    """The `csr` field of `POST /compliance`: Base64 of the PEM."""
    return base64.b64encode(csr.public_bytes(serialization.Encoding.PEM)).decode("ascii")


def certificate_from_token(binary_security_token: str) -> x509.Certificate:
    """`binarySecurityToken` is Base64 of the certificate's Base64 DER text."""
    der = base64.b64decode(base64.b64decode(binary_security_token))
    return x509.load_der_x509_certificate(der)
