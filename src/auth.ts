// Auth.js (next-auth v5): username + password, JWT sessions carrying the user id, role and scope.
// The session only says who is signed in; every command and query reloads the user (loadActor), so a
// disabled account or a changed role takes effect at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { secureCookiesSetting } from "@/lib/security-headers";
import { checkLogin, credentialText } from "@/server/auth/login";

export class LockedSignin extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `locked:${minutes}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Cookies keep Auth.js's options: HttpOnly, SameSite=Lax, Path=/; Secure and prefixed over HTTPS.
  useSecureCookies: secureCookiesSetting(process.env.AUTH_URL ?? process.env.NEXTAUTH_URL),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: { label: "Tên đăng nhập" }, password: { label: "Mật khẩu", type: "password" } },
      async authorize(credentials) {
        const outcome = await checkLogin(credentialText(credentials.username), credentialText(credentials.password));
        if (outcome.ok) return { id: outcome.userId };
        if (outcome.reason === "locked") throw new LockedSignin(outcome.minutes);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
