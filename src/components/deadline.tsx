// A deadline as every page shows it: the day, and plainly whether it is open, due in N days, or passed
// N days ago (src/domain/year-deadlines.ts deadlineStatus; the page passes appNow()).
import { deadlineStatusOn } from "@/domain/year-deadlines";
import { displayIsoDate, vietnamToday } from "@/domain/vietnam-calendar";
import { Badge } from "./ui";

/** "còn 12 ngày"-style status of a deadline day, as a badge (nothing when none is set). */
export function DeadlineStatusBadge({ iso, now }: { iso: string | null | undefined; /** appNow(), or today's Vietnamese day (yyyy-mm-dd) from the server */ now: Date | string }) {
  if (!iso) return null;
  const status = deadlineStatusOn(iso, typeof now === "string" ? now : vietnamToday(now));
  return (
    <Badge tone={status.tone}>
      <span data-testid="deadline-status" data-state={status.state}>
        {status.text}
      </span>
    </Badge>
  );
}

/** "31/03/2026 [đang mở, còn 12 ngày]", or `unset` ("Chưa đặt") when there is no deadline. */
export function Deadline({ iso, now, unset = "Chưa đặt" }: { iso: string | null | undefined; now: Date | string; unset?: string }) {
  if (!iso) return <>{unset}</>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span>{displayIsoDate(iso)}</span>
      <DeadlineStatusBadge iso={iso} now={now} />
    </span>
  );
}
