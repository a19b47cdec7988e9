// Posts a form to one of the app's upload route handlers and returns its JSON answer. With no answer
// (the connection dropped, a proxy's error page instead of JSON) it throws, so that the caller says the
// save may have been made and keeps its submission key for the retry — never "not saved" unless the
// route said so (src/domain/submission.ts).
import type { ActionResult } from "@/server/commands/command";

export async function postForm<T = ActionResult>(endpoint: string, formData: FormData): Promise<T> {
  const response = await fetch(endpoint, { method: "POST", body: formData, headers: { Accept: "application/json" } });
  return (await response.json()) as T;
}
