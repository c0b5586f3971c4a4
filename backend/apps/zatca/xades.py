"""The XAdES stamp in `ext:UBLExtensions` (zatca.md §3), written as text because two of its digests
are over text, not over a canonical form:

- the certificate digest: Base64 of the hex SHA-256 of the certificate's Base64 text;
- the signed-properties digest: Base64 of the hex SHA-256 of the literal `xades:SignedProperties`
  block with its namespace declarations added (`xmlns:xades` on it, `xmlns:ds` on each `ds:`
  element) and self-closing tags kept. The document carries the same block without those declarations
  (the ancestors declare them), so a verifier that adds them back gets the same text.

The signature value is ECDSA (secp256k1, SHA-256, DER) over the 32 bytes of the invoice hash."""

from xml.sax.saxutils import escape

from .hashing import hex_digest_b64

DS_NS = "http://www.w3.org/2000/09/xmldsig#"
XADES_NS = "http://uri.etsi.org/01903/v1.3.2#"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"

_SIGNED_PROPERTIES = (
    '<xades:SignedProperties{xades_ns} Id="xadesSignedProperties">'
    "<xades:SignedSignatureProperties>"
    "<xades:SigningTime>{signing_time}</xades:SigningTime>"
    "<xades:SigningCertificate><xades:Cert><xades:CertDigest>"
    '<ds:DigestMethod{ds_ns} Algorithm="' + SHA256 + '"/>'
    "<ds:DigestValue{ds_ns}>{certificate_digest}</ds:DigestValue>"
    "</xades:CertDigest><xades:IssuerSerial>"
    "<ds:X509IssuerName{ds_ns}>{issuer}</ds:X509IssuerName>"
    "<ds:X509SerialNumber{ds_ns}>{serial}</ds:X509SerialNumber>"
    "</xades:IssuerSerial></xades:Cert></xades:SigningCertificate>"
    "</xades:SignedSignatureProperties>"
    "</xades:SignedProperties>"
)

_XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116"
_C14N11 = "http://www.w3.org/2006/12/xml-c14n11"
_EXTENSIONS = (
    "<ext:UBLExtensions><ext:UBLExtension>"
    "<ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>"
    "<ext:ExtensionContent>"
    '<sig:UBLDocumentSignatures xmlns:sig="urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2"'
    ' xmlns:sac="urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2"'
    ' xmlns:sbc="urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2">'
    "<sac:SignatureInformation>"
    "<cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>"
    "<sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>"
    '<ds:Signature xmlns:ds="' + DS_NS + '" Id="signature">'
    "<ds:SignedInfo>"
    '<ds:CanonicalizationMethod Algorithm="' + _C14N11 + '"/>'
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>'
    '<ds:Reference Id="invoiceSignedData" URI="">'
    "<ds:Transforms>"
    '<ds:Transform Algorithm="' + _XPATH + '"><ds:XPath>not(//ancestor-or-self::ext:UBLExtensions)</ds:XPath>'
    "</ds:Transform>"
    '<ds:Transform Algorithm="' + _XPATH + '"><ds:XPath>not(//ancestor-or-self::cac:Signature)</ds:XPath>'
    "</ds:Transform>"
    '<ds:Transform Algorithm="' + _XPATH + '">'
    "<ds:XPath>not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])</ds:XPath>"
    "</ds:Transform>"
    '<ds:Transform Algorithm="' + _C14N11 + '"/>'
    "</ds:Transforms>"
    '<ds:DigestMethod Algorithm="' + SHA256 + '"/>'
    "<ds:DigestValue>{invoice_hash}</ds:DigestValue>"
    "</ds:Reference>"
    '<ds:Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#xadesSignedProperties">'
    '<ds:DigestMethod Algorithm="' + SHA256 + '"/>'
    "<ds:DigestValue>{signed_properties_digest}</ds:DigestValue>"
    "</ds:Reference>"
    "</ds:SignedInfo>"
    "<ds:SignatureValue>{signature}</ds:SignatureValue>"
    "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>{certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
    "<ds:Object>"
    '<xades:QualifyingProperties xmlns:xades="' + XADES_NS + '" Target="signature">'
    "{signed_properties}"
    "</xades:QualifyingProperties>"
    "</ds:Object>"
    "</ds:Signature>"
    "</sac:SignatureInformation>"
    "</sig:UBLDocumentSignatures>"
    "</ext:ExtensionContent>"
    "</ext:UBLExtension></ext:UBLExtensions>"
)


def signed_properties(*, signing_time: str, certificate_digest: str, issuer: str, serial: str, declare: bool) -> str:
    """The `xades:SignedProperties` block; with `declare`, the form its digest is taken over."""
    return _SIGNED_PROPERTIES.format(
        xades_ns=f' xmlns:xades="{XADES_NS}"' if declare else "",
        ds_ns=f' xmlns:ds="{DS_NS}"' if declare else "",
        signing_time=signing_time,
        certificate_digest=certificate_digest,
        issuer=escape(issuer),
        serial=serial,
    )


def signed_properties_digest(block_without_declarations: str) -> str:
    """The digest of a block as it appears in a document (namespace declarations added back)."""
    declared = block_without_declarations.replace(
        "<xades:SignedProperties ", f'<xades:SignedProperties xmlns:xades="{XADES_NS}" ', 1
    )
    for name in ("DigestMethod", "DigestValue", "X509IssuerName", "X509SerialNumber"):
        declared = declared.replace(f"<ds:{name}", f'<ds:{name} xmlns:ds="{DS_NS}"')
    return hex_digest_b64(declared.encode("utf-8"))


def extensions(*, invoice_hash: str, signed_properties_block: str, signature: str, certificate: str) -> str:
    """The whole `ext:UBLExtensions` element (prefixes `ext` and `cbc` are declared by the root)."""
    return _EXTENSIONS.format(
        invoice_hash=invoice_hash,
        signed_properties_digest=signed_properties_digest(signed_properties_block),
        signature=signature,
        certificate=certificate,
        signed_properties=signed_properties_block,
    )
