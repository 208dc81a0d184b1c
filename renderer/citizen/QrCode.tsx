import type { QrMatrix } from '../../src/contract';

/** A QR code drawn from its modules as SVG (quiet zone of 4 modules); no image decoding, no data URLs. */
export function QrCode({ qr, label, size = 320 }: { qr: QrMatrix; label: string; size?: number }) {
  const total = qr.size + 8;
  let path = '';
  for (let y = 0; y < qr.size; y += 1) {
    for (let x = 0; x < qr.size; x += 1) if (qr.modules[y * qr.size + x] === '1') path += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  return (
    <svg className="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${total} ${total}`} shapeRendering="crispEdges" data-testid="qr">
      <rect width={total} height={total} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
