import 'server-only'
import QRCode from 'qrcode'

/** The tracking link as an SVG QR code, rendered on the server (no client script, prints crisply at any size). */
export async function trackingQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } })
}
