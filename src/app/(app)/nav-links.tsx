"use client";
// The app's pages have no loading.tsx: a page that answers "not found" must send HTTP 404, and a
// Suspense boundary around the page would commit the response to 200 before the page's own check ran.
// While a page loads after a click, its link shows a pulsing dot instead.
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "../navigation";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Điều hướng chính" className="bg-brand-800">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isActive(item.href) ? "page" : undefined}
              className={`block px-3 py-2 text-sm hover:bg-white/10 ${isActive(item.href) ? "border-b-2 border-white font-semibold" : "text-white/90"}`}
            >
              {item.label}
              <Pending />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A pulsing dot while this link's page is loading (decorative: the page's title announces it). */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? <span aria-hidden="true" className="ml-1.5 inline-block h-1.5 w-1.5 animate-pulse rounded-full bg-white align-middle" /> : null;
}
