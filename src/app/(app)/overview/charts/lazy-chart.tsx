"use client";
// The charts are drawn only when they come near the screen. recharts and the drawing cost a phone
// over a second of blocked main thread when every chart of the dashboard was drawn at load; now the
// page is interactive first and each chart's code (a chunk of its own) loads as the reader scrolls to
// it. Printing draws them all: "In trang" (PrintButton) waits for them; Ctrl + P draws those whose
// code is loaded and starts loading the rest.
import { lazy, Suspense, useEffect, useRef, useState, type ComponentType } from "react";
import { flushSync } from "react-dom";
import { PREPARE_PRINT_EVENT, type PreparePrintDetail } from "@/components/print-button";
import { ChartPlaceholder } from "./chart-frame";

/** A chart component that loads and draws itself once its box is within `margin` of the viewport. */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>, placeholderHeight: (props: P) => number): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => (loading ??= load());
  const Chart = lazy(async () => ({ default: await loadOnce() }));

  function LazyChart(props: P) {
    const box = useRef<HTMLDivElement>(null);
    const [shown, setShown] = useState(false);
    useEffect(() => {
      if (shown) return;
      const show = () => flushSync(() => setShown(true));
      const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: "200px 0px" });
      if (box.current) observer.observe(box.current);
      const print = window.matchMedia("print");
      const onPrintMedia = (e: MediaQueryListEvent) => e.matches && show();
      const onPrepare = (e: Event) => {
        (e as CustomEvent<PreparePrintDetail>).detail?.waitFor.push(loadOnce().then(() => show()));
      };
      window.addEventListener("beforeprint", show);
      print.addEventListener("change", onPrintMedia);
      window.addEventListener(PREPARE_PRINT_EVENT, onPrepare);
      return () => {
        observer.disconnect();
        window.removeEventListener("beforeprint", show);
        print.removeEventListener("change", onPrintMedia);
        window.removeEventListener(PREPARE_PRINT_EVENT, onPrepare);
      };
    }, [shown]);
    const placeholder = <ChartPlaceholder height={placeholderHeight(props)} />;
    return (
      <div ref={box}>
        {shown ? (
          <Suspense fallback={placeholder}>
            <Chart {...props} />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
    );
  }
  return LazyChart;
}
