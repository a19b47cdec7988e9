"use client";
// The hall's screen shows everything at once, never a scroll bar: when the content is taller than the
// screen (many candidates, long unit names, a small projector) it is zoomed out until it fits (CSS
// zoom, so lines re-wrap at the new size), down to `minZoom`; below that the screen scrolls.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";

const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

export function FitToScreen({ children, className, minZoom = 0.55, testId }: { children: ReactNode; className?: string; minZoom?: number; testId?: string }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);

  // After every render (the screen refreshes itself every few seconds) and on every resize.
  useIsomorphicLayoutEffect(() => {
    const fit = () => {
      const box = outer.current;
      const content = inner.current;
      if (!box || !content) return;
      const style = getComputedStyle(box);
      const available = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      let zoom = 1;
      content.style.zoom = "1";
      // Lines re-wrap at each new zoom, so the height is measured again; a few steps converge.
      for (let step = 0; step < 8; step++) {
        const height = content.getBoundingClientRect().height;
        if (height <= available + 0.5 || zoom <= minZoom) break;
        zoom = Math.max(minZoom, zoom * (available / height) * 0.995);
        content.style.zoom = String(zoom);
      }
      content.dataset.zoom = zoom.toFixed(3);
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  });

  return (
    <div ref={outer} className={className} data-testid={testId}>
      <div ref={inner} data-testid={testId ? `${testId}-content` : undefined}>
        {children}
      </div>
    </div>
  );
}
