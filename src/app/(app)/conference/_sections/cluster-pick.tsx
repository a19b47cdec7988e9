import Link from "next/link";
import { EmptyState } from "@/components/ui";
import type { ClusterChoice } from "./conference-data";

/** The clusters to choose from, for a viewer who sees more than one. */
export function ClusterPick({ clusters }: { clusters: ClusterChoice[] }) {
  if (clusters.length === 0) return <EmptyState title="Chưa có cụm thi đua nào." />;
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {clusters.map((c) => (
        <li key={c.id}>
          <Link href={`/conference?cluster=${c.id}`} className="block rounded-md border border-slate-200 bg-white px-4 py-3 hover:border-brand-600">
            {c.name} <span className="text-sm text-slate-500">({c.code})</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
