import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sổ Thi đua", template: "%s · Sổ Thi đua" },
  description: "Sổ theo dõi thi đua, khen thưởng của Cụm thi đua — Bộ Công an",
};

// Rendered per request, never prerendered: Next.js puts the CSP nonce of the request (src/proxy.ts) on its
// scripts only while rendering, so a page built ahead of time (the 404 page, for one) would be blocked.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="vi">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
