import type { ConsoleCamera } from '@vigia/contracts';
import { useMemo } from 'react';
import { cameraTree, type TreeNode } from './console-layout';

interface CameraTreeProps {
  cameras: readonly ConsoleCamera[];
  search: string;
  /** Double-click or Enter on a camera: into the selected tile. */
  onPick(cameraId: string): void;
}

export const CAMERA_DRAG_TYPE = 'application/x-vigia-camera';

/** Region → municipality → partner → camera; cameras are dragged onto tiles (or picked with Enter). */
export function CameraTree({ cameras, search, onPick }: CameraTreeProps) {
  const tree = useMemo(() => cameraTree(cameras, search), [cameras, search]);
  if (!tree.length) return <p className="vigia-console-muted">Nenhuma câmera encontrada.</p>;
  return (
    <ul className="vigia-console-tree" aria-label="Câmeras por região, município e parceiro">
      {tree.map((n) => (
        <Node key={n.key} node={n} open={!!search || tree.length === 1} onPick={onPick} />
      ))}
    </ul>
  );
}

function Node({ node, open, onPick }: { node: TreeNode; open: boolean; onPick(id: string): void }) {
  const cam = node.camera;
  if (cam) {
    return (
      <li>
        <button
          type="button"
          className="vigia-console-camera"
          draggable
          data-camera-id={cam.id}
          title="Arraste para um quadro, ou Enter para o quadro selecionado"
          onDragStart={(e) => {
            e.dataTransfer.setData(CAMERA_DRAG_TYPE, cam.id);
            e.dataTransfer.setData('text/plain', cam.id);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onDoubleClick={() => onPick(cam.id)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onPick(cam.id);
          }}
        >
          <i className="fas fa-video" aria-hidden="true" /> {node.label}
        </button>
      </li>
    );
  }
  return (
    <li>
      <details open={open}>
        <summary>
          {node.label} <span className="vigia-console-muted">({count(node)})</span>
        </summary>
        <ul>
          {node.children.map((c) => (
            <Node key={c.key} node={c} open={open} onPick={onPick} />
          ))}
        </ul>
      </details>
    </li>
  );
}

const count = (n: TreeNode): number => (n.camera ? 1 : n.children.reduce((s, c) => s + count(c), 0));
