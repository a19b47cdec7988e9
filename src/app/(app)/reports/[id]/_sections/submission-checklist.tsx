/** What still blocks submission, as the engine finds it on what is on screen. */
export function SubmissionChecklist({ problemList }: { problemList: string[] }) {
  return (
    <section aria-labelledby="checklist-title" className={`rounded-lg border px-4 py-3 ${problemList.length ? "border-amber-300 bg-amber-50" : "border-green-300 bg-green-50"}`}>
      <h2 id="checklist-title" className="font-semibold">
        {problemList.length ? `Còn ${problemList.length} nội dung cần hoàn thành trước khi trình lãnh đạo duyệt` : "Báo cáo đã đủ nội dung; đề nghị lãnh đạo đơn vị duyệt và gửi."}
      </h2>
      {problemList.length > 0 && (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer">Xem danh sách</summary>
          <ul className="mt-2 list-disc space-y-0.5 pl-5">
            {problemList.slice(0, 50).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
            {problemList.length > 50 && <li>… và {problemList.length - 50} nội dung khác</li>}
          </ul>
        </details>
      )}
    </section>
  );
}
