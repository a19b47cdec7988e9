// Styles of the overview pages, in one small block instead of the same utility classes on every cell
// (the pages are mostly tables: this keeps their HTML and server rendering light).
//  - Table cells inside .ov: padding and top alignment; .n numbers (right, tabular figures), .t tabular
//    figures, .c centred, .m medium, .b bold.
//  - Print (the app-wide rule hides .no-print): landscape A4, charts scaled to the paper, no table row
//    or chart split across pages, links printed as plain text, .print-only shown.
export function PrintStyles() {
  return (
    <style>{`
.ov td { padding: 0.5rem 0.75rem; vertical-align: top; }
.ov td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ov td.t, .ov .t { font-variant-numeric: tabular-nums; }
.ov td.c { text-align: center; }
.ov .m { font-weight: 500; }
.ov .b { font-weight: 600; }
.print-only { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  .chart-frame svg { max-width: 100% !important; height: auto !important; }
  .chart-frame, tr, .print-keep { break-inside: avoid; }
  section { box-shadow: none !important; }
  a { color: inherit !important; text-decoration: none !important; }
  .print-only { display: block !important; }
}
`}</style>
  );
}
