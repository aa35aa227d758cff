import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const newTotpSecret = () => generateSecret();

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Steward', label: account, secret });
}

export const totpQrDataUrl = (uri: string) => QRCode.toDataURL(uri, { margin: 1, width: 220 });

/**
 * Checks a code against the current 30-second step and its neighbours (clock drift). Returns the
 * step the code belongs to, or null; a step at or before `afterStep` (already spent) is refused.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterStep: number | null = null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code of now, or of `stepsAhead` 30-second steps later (tests; a device running ahead). */
export const currentTotp = (secret: string, stepsAhead = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
