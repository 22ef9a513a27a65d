import type { ConsoleCamera } from '@vigia/contracts';
import { describe, expect, it } from 'vitest';
import { cameraTree, gridStyle, keyAction, placeCamera, tourGroup, tourGroups } from './console-layout';

const cam = (id: string, name: string, region: string | null, muni: string, partner: string): ConsoleCamera => ({
  id,
  name,
  status: 'active',
  partnerId: partner,
  partnerName: `Parceiro ${partner}`,
  municipalityIbge: muni === 'Cuiabá' ? '5103403' : '5107909',
  municipalityName: muni,
  regionName: region,
  ptz: null,
});

describe('console layout', () => {
  it('grids: 1+5 and 1+7 have a big tile spanning 2 and 3 cells', () => {
    expect(gridStyle('4x4')).toEqual({ columns: 4, rows: 4 });
    expect(gridStyle('1+5').big).toEqual({ span: 2 });
    expect(gridStyle('1+7')).toEqual({ columns: 4, rows: 4, big: { span: 3 } });
  });

  it('a tour shows the cameras a tile-full at a time and wraps around', () => {
    const cams = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(tourGroups(cams, 4)).toBe(2);
    expect(tourGroup(cams, 4, 0)).toEqual(['a', 'b', 'c', 'd']);
    expect(tourGroup(cams, 4, 1)).toEqual(['e', 'f', null, null]);
    expect(tourGroup(cams, 4, 2)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('dropping a camera on a tile keeps the others and pads to the grid', () => {
    expect(placeCamera(['a'], '2x2', 2, 'x')).toEqual(['a', null, 'x', null]);
    expect(placeCamera(['a', 'b', 'c', 'd', 'e'], '2x2', 0, null)).toEqual([null, 'b', 'c', 'd', 'e']);
  });

  it('the tree goes region → municipality → partner → camera and search ignores accents', () => {
    const tree = cameraTree([
      cam('1', 'Praça Alencastro', 'RISP Cuiabá', 'Cuiabá', 'p1'),
      cam('2', 'Av. das Itaúbas', 'RISP Sinop', 'Sinop', 'p2'),
      cam('3', 'Rua sem região', null, 'Sinop', 'p2'),
    ]);
    expect(tree.map((n) => n.label)).toEqual(['RISP Cuiabá', 'RISP Sinop', 'Sem região']);
    expect(tree[0]!.children[0]!.children[0]!.children[0]!.camera?.id).toBe('1');
    const found = cameraTree(
      [cam('1', 'Praça Alencastro', 'RISP Cuiabá', 'Cuiabá', 'p1'), cam('2', 'Av. das Itaúbas', 'RISP Sinop', 'Sinop', 'p2')],
      'itauba',
    );
    expect(found.map((n) => n.label)).toEqual(['RISP Sinop']);
    expect(cameraTree([cam('1', 'Praça', 'RISP Cuiabá', 'Cuiabá', 'p1')], 'cuiaba')).toHaveLength(1);
  });

  it('keyboard: tile numbers, full screen, replay 10/30/60 s, bookmark', () => {
    const k = (key: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean }> = {}) =>
      keyAction({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(k('3')).toEqual({ kind: 'select', tile: 2 });
    expect(k('0')).toEqual({ kind: 'select', tile: 9 });
    expect(k('f')).toEqual({ kind: 'fullscreen' });
    expect(k('r')).toEqual({ kind: 'replay', seconds: 30 });
    expect(k('R', { shiftKey: true })).toEqual({ kind: 'replay', seconds: 60 });
    expect(k('r', { altKey: true })).toEqual({ kind: 'replay', seconds: 10 });
    expect(k('b')).toEqual({ kind: 'bookmark' });
    expect(k('r', { ctrlKey: true })).toBeUndefined();
    expect(k('x')).toBeUndefined();
  });
});
