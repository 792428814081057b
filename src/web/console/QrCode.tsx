import { useMemo } from 'react';
import { renderSVG } from 'uqr';

/** A QR code drawn here, as inline SVG: no image service ever sees the link (P1). */
export function QrCode({ text, label }: { text: string; label: string }) {
  // renderSVG draws rectangles only; the text itself never lands in the markup.
  const svg = useMemo(
    () =>
      renderSVG(text, {
        ecc: 'M',
        border: 2,
        pixelSize: 8,
        whiteColor: '#ffffff',
        blackColor: '#000000',
      }),
    [text],
  );
  return (
    <div
      className="qr-code"
      role="img"
      aria-label={label}
      data-testid="console-pairing-qr"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
