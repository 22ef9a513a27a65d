import { randomBytes } from 'node:crypto';
import { createStaticPix, hasError } from 'pix-utils';
import type { Config } from '../../config/config.js';
import { AppError } from '../../http/errors.js';

/**
 * The treasury adapter: how a fee becomes a charge the citizen can pay, and how its payment comes
 * back. The shipped store (`platformTreasury`) writes a Pix BR Code (EMV "copia e cola", CRC16)
 * with `pix-utils` for the state's Pix key and a txid of its own; payments arrive through the signed
 * webhook a bank/PSP calls (`POST /api/public/fees/webhook`) or the manual confirmation screen.
 * A state with a real treasury/PSP integration implements `charge` with its API (dynamic Pix,
 * DAR/boleto) and calls the same confirmation use case. Contract: docs/citizen-services.md.
 */
export interface TreasuryAdapter {
  charge(fee: { amountCents: number; description: string }): Promise<{ txid: string; brCode: string }>;
}

const TXID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function platformTreasury(config: Config['fees']): TreasuryAdapter {
  return {
    async charge({ amountCents, description }) {
      if (!config.pix) throw new AppError('FEES_UNAVAILABLE');
      const txid = Array.from(randomBytes(25), (b) => TXID_ALPHABET[b % TXID_ALPHABET.length]).join('');
      const pix = createStaticPix({
        merchantName: config.pix.merchantName,
        merchantCity: config.pix.merchantCity,
        pixKey: config.pix.key,
        infoAdicional: description.slice(0, 40),
        txid,
        transactionAmount: amountCents / 100,
      });
      if (hasError(pix)) throw new AppError('FEES_UNAVAILABLE', 'A chave Pix configurada para as taxas é inválida.');
      return { txid, brCode: pix.toBRCode() };
    },
  };
}
