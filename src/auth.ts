// Auth.js (next-auth v5): username + password, JWT sessions carrying the user id and the id of a session
// row in Postgres. Every request reloads the user together with that row (loadSessionActor), so a
// disabled account, a changed role or an ended session takes effect at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { secureCookiesSetting } from "@/lib/security-headers";
import { authorizeCredentials } from "@/server/auth/login";
import { errorField, log } from "@/server/log";
import { endSession, SESSION_MAX_AGE_S } from "@/server/auth/sessions";
import { currentClient } from "@/server/security/client";
import { recordSecurityEvent } from "@/server/security/events";

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Cookies keep Auth.js's options: HttpOnly, SameSite=Lax, Path=/; Secure and prefixed over HTTPS.
  useSecureCookies: secureCookiesSetting(process.env.AUTH_URL ?? process.env.NEXTAUTH_URL),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // Auth.js's own English pages (sign-in, sign-out, error) are never shown: the app's login page instead.
  pages: { signIn: "/login", signOut: "/login", error: "/login" },
  // A refused sign-in is expected: checkLogin has written its one log line; Auth.js would add a stack.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      const cause = (error as { cause?: { err?: unknown } }).cause?.err;
      log.error({ event: "auth.error", type: (error as { type?: string }).type ?? error.name, error: errorField(cause instanceof Error ? cause : error) }, "auth error");
    },
    warn(code) {
      log.warn({ event: "auth.warning", code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { username: { label: "Tên đăng nhập" }, password: { label: "Mật khẩu", type: "password" } },
      // Called for the login page's server action and for a post to /api/auth/callback/credentials alike.
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    // Signing out (the app's button, or a post to /api/auth/signout) ends the session row too, so a copy
    // of the cookie kept elsewhere opens nothing either.
    async signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (!sid) return;
      const userId = await endSession(sid);
      if (userId) await recordSecurityEvent({ kind: "logout", userId, address: (await currentClient().catch(() => null))?.address ?? null });
    },
  },
});
