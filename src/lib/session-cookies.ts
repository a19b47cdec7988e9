/** Auth.js's session cookie names; over HTTPS the __Secure- one (only a secure page can set it), read first. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
