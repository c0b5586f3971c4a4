/** A QR code from the API's SVG (an image, never markup in the page), scannable on a white ground. */
export function QrCode({ svg, label, size = 160 }: { svg: string; label: string; size?: number }) {
  return (
    <img
      className="qr-code"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      width={size}
      height={size}
    />
  );
}
