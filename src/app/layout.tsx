import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sổ Thi đua", template: "%s · Sổ Thi đua" },
  description: "Sổ theo dõi thi đua, khen thưởng của Cụm thi đua — Bộ Công an",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
