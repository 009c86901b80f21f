import "server-only";
// qrcode (pinned, docs/decisions/023-totp.md) draws the QR code on the
// server as SVG: no external service sees the secret, and the browser needs
// no script to show it.
import QRCode from "qrcode";

/** `text` as a QR code, an SVG data: URL for an <img> (the page CSP allows data: images). */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
