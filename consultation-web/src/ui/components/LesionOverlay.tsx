import type { ReactElement } from 'react';

/** One flag to draw, in image pixels (x + width exclusive). */
export interface OverlayFlag {
  id: string;
  box: { x: number; y: number; width: number; height: number };
  score: number;
  /** pending, accepted, rejected, edited; live flags have none. */
  status?: string;
  label?: string | null;
}

/** A label mask at its own size, run-length encoded row by row: label, count, label, count… (label k = k-th flag). */
export interface LabelMask {
  width: number;
  height: number;
  rle: number[];
}

/**
 * AI lesion flags over an image or a video, in the image's own pixel coordinates: an SVG with that viewBox laid
 * over the media element, so it scales with however the media is displayed. `fit` must match the media's
 * object-fit (`contain` for an image shown whole, `cover` for a cropped video tile). Reusable by any viewer.
 */
export function LesionOverlay({ width, height, flags, mask, fit = 'contain', selected, onSelect, label }: {
  width: number; height: number; flags: OverlayFlag[]; mask?: LabelMask | null; fit?: 'contain' | 'cover';
  selected?: string | null; onSelect?(id: string): void; label?: string;
}) {
  return (
    <svg className="lesion-overlay" viewBox={`0 0 ${width} ${height}`} aria-label={label} role="img"
      preserveAspectRatio={fit === 'cover' ? 'xMidYMid slice' : 'xMidYMid meet'}
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: onSelect ? 'auto' : 'none' }}>
      {mask && <MaskRuns mask={mask} width={width} height={height} />}
      {flags.map((f, i) => {
        const colour = f.status === 'rejected' ? '#9aa5ad' : f.status === 'accepted' || f.status === 'edited' ? '#2fbf71' : '#ffcc00';
        return (
          <g key={f.id} data-flag-id={f.id} data-status={f.status ?? 'live'} className="lesion-flag"
            onClick={onSelect ? () => onSelect(f.id) : undefined} style={{ cursor: onSelect ? 'pointer' : undefined }}>
            <rect x={f.box.x} y={f.box.y} width={f.box.width} height={f.box.height} fill="none" stroke={colour}
              strokeWidth={selected === f.id ? 3 : 2} vectorEffect="non-scaling-stroke"
              strokeDasharray={f.status === 'rejected' ? '4 3' : undefined} />
            <text x={f.box.x} y={Math.max(10, f.box.y - 3)} fill={colour} fontSize={Math.max(10, height / 22)}
              style={{ paintOrder: 'stroke', stroke: '#000', strokeWidth: 2 }}>
              {i + 1} · {Math.round(f.score * 100)}%{f.label ? ` · ${f.label}` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The model's mask (at the model's input size), stretched over the image as translucent runs. */
function MaskRuns({ mask, width, height }: { mask: LabelMask; width: number; height: number }) {
  const runs: ReactElement[] = [];
  let at = 0;
  for (let i = 0; i + 1 < mask.rle.length; i += 2) {
    const value = mask.rle[i];
    let count = mask.rle[i + 1];
    while (value !== 0 && count > 0) {
      const row = Math.floor(at / mask.width);
      const col = at % mask.width;
      const n = Math.min(count, mask.width - col);
      runs.push(<rect key={at} x={col} y={row} width={n} height={1} />);
      at += n;
      count -= n;
    }
    at += count;
  }
  return (
    <svg x={0} y={0} width={width} height={height} viewBox={`0 0 ${mask.width} ${mask.height}`} preserveAspectRatio="none">
      <g fill="rgba(255, 204, 0, 0.28)" shapeRendering="crispEdges">{runs}</g>
    </svg>
  );
}
