"use client";
// Prints the page (the print styles hide the navigation and the forms). Parts drawn only when seen (the
// dashboard's charts) are asked to draw first: the button sends PREPARE_PRINT_EVENT, each listener adds
// to `detail.waitFor` what must settle before the page is printed.
import { useState } from "react";

export const PREPARE_PRINT_EVENT = "app:prepare-print";
export type PreparePrintDetail = { waitFor: Promise<unknown>[] };

/** Asks the page's lazy parts to draw, and resolves when they have (or after 5 s). */
export async function prepareForPrint(): Promise<void> {
  const detail: PreparePrintDetail = { waitFor: [] };
  window.dispatchEvent(new CustomEvent(PREPARE_PRINT_EVENT, { detail }));
  if (!detail.waitFor.length) return;
  await Promise.race([Promise.allSettled(detail.waitFor), new Promise((r) => setTimeout(r, 5_000))]);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

export function PrintButton({ label = "In trang", primary = false }: { label?: string; primary?: boolean }) {
  const [preparing, setPreparing] = useState(false);
  const look = primary
    ? "bg-brand-600 text-white hover:bg-brand-700"
    : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
  return (
    <button
      type="button"
      aria-busy={preparing}
      onClick={async () => {
        if (preparing) return;
        setPreparing(true);
        try {
          await prepareForPrint();
        } finally {
          setPreparing(false);
        }
        window.print();
      }}
      className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm ${look}`}
    >
      {label}
    </button>
  );
}
