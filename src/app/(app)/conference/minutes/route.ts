// GET /conference/minutes?year=<yearId>[&date=dd/mm/yyyy&city=&place=&chair=&secretary=]
// → the conference's minutes (biên bản) as a Word document. Permission: vote.manage or vote.view on
// the year's cluster; anything else answers 404, like a missing year.
import { redirect } from "next/navigation";
import { parseVietnameseDate } from "@/lib/format";
import { DOCX_TYPE, downloadResponse } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildMinutesDocx } from "@/server/documents/minutes";
import { minutesData } from "@/server/queries/votes";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

const text = (params: URLSearchParams, key: string, max = 200) => {
  const value = (params.get(key) ?? "").normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return value ? value.slice(0, max) : null;
};

export const GET = routeOr404(async (request: Request) => {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const params = new URL(request.url).searchParams;
  const data = await minutesData(actor, params.get("year") ?? "");
  if (!data) return notFoundResponse();

  const dateText = text(params, "date", 10);
  const date = dateText ? parseVietnameseDate(dateText) : null;
  if (dateText && !date) {
    return new Response(`Ngày hội nghị "${dateText}" không hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 19/11/2021).`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const doc = await buildMinutesDocx(data, {
    date,
    city: text(params, "city", 60),
    place: text(params, "place"),
    meetingChair: text(params, "chair"),
    secretary: text(params, "secretary"),
  });
  return downloadResponse(doc, `Biên bản hội nghị tổng kết ${data.year}.docx`, DOCX_TYPE);
});
