/** The order data strategies are tried in for each data mode. */
import { describe, expect, it } from 'vitest';
import { strategyOrder } from '../../../../electron/ftp/data/strategies';

describe('strategyOrder', () => {
  it('tries EPSV, PASV, EPRT, PORT for auto', () => {
    expect(strategyOrder('auto')).toEqual(['EPSV', 'PASV', 'EPRT', 'PORT']);
  });
  it('keeps to one family for passive and active', () => {
    expect(strategyOrder('passive')).toEqual(['EPSV', 'PASV']);
    expect(strategyOrder('active')).toEqual(['EPRT', 'PORT']);
  });
  it('puts the remembered strategy first', () => {
    expect(strategyOrder('auto', undefined, 'EPRT')).toEqual(['EPRT', 'EPSV', 'PASV', 'PORT']);
    expect(strategyOrder('passive', undefined, 'PORT')).toEqual(['EPSV', 'PASV']);
  });
  it('uses only a forced strategy', () => {
    expect(strategyOrder('auto', 'PORT', 'EPSV')).toEqual(['PORT']);
  });
});
