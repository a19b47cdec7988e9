"use client";
import Link from "next/link";
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
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
