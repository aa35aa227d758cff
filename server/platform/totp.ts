import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const newTotpSecret = () => generateSecret();

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Steward', label: account, secret });
}

export const totpQrDataUrl = (uri: string) => QRCode.toDataURL(uri, { margin: 1, width: 220 });

/** Accepts the current code and the neighbouring 30-second step, for clock drift. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}

export const currentTotp = (secret: string) => generate({ secret });
