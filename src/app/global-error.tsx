"use client";

import ErrorPage from "./error";
import "./globals.css";

// Replaces the root layout when that layout itself fails: the same page as error.tsx (digest only),
// inside its own document.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body className="min-h-screen antialiased">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
