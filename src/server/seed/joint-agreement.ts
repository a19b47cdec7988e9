// Demo data: the joint emulation agreement (giao ước thi đua) of Cụm thi đua số 2 signed at its 2021
// year-end conference (docs/domain.md §10). The seed article gives the place and the day — Hà Nội,
// 19/11/2021, the conference chaired by Trung tướng Nguyễn Minh Chính, Cục trưởng Cục An ninh mạng và
// phòng, chống tội phạm sử dụng công nghệ cao, Cụm trưởng — but not the agreement's text: the
// commitments below are written for the demo from the tasks the article reports; the other units'
// signatories are the demo's unit heads.
//
// Called by src/server/seed/demo.ts inside its transaction (the closed-year guard is already lifted).
import type { Tx } from "@/server/db";

const COMMITMENTS = `Thực hiện phong trào thi đua “Vì An ninh Tổ quốc” và hướng dẫn công tác thi đua, khen thưởng của Bộ Công an, các đơn vị thành viên Cụm thi đua số 2 – Khối các đơn vị thuộc Bộ trưởng cùng giao ước:
1. Quán triệt sâu sắc, cụ thể hóa các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước, chỉ thị, nghị quyết của Đảng ủy Công an Trung ương và lãnh đạo Bộ Công an; tham mưu, tổ chức thực hiện tốt công tác chuyên môn, nghiệp vụ của từng đơn vị.
2. Triển khai hiệu quả các phương án, kế hoạch đấu tranh, ngăn chặn tội phạm và vi phạm pháp luật, góp phần giữ vững an ninh quốc gia, bảo đảm trật tự, an toàn xã hội.
3. Bám sát mục tiêu, nội dung thi đua của Bộ Công an, gắn phong trào thi đua với thực hiện nhiệm vụ chính trị được giao; 100% đơn vị và cán bộ, chiến sĩ đăng ký danh hiệu thi đua, xây dựng kế hoạch công tác sát chức năng, nhiệm vụ.
4. Tích cực hưởng ứng phong trào “Lực lượng Công an nhân dân – Lá chắn phòng, chống dịch COVID-19 – Thanh bảo kiếm bảo đảm an ninh, trật tự, an toàn xã hội” và các hoạt động hiến máu tình nguyện “Giọt máu nghĩa tình, chung tay đẩy lùi COVID-19”.
5. Phát hiện, bồi dưỡng, nhân rộng các nhân tố mới, cách làm hay, điển hình tiên tiến; tạo điều kiện cho Đoàn Thanh niên, Hội Phụ nữ phát huy vai trò xung kích.
6. Tăng cường giao lưu, kết nghĩa giữa các đơn vị trong Cụm, thúc đẩy đoàn kết, gắn bó, phối hợp trong thực hiện nhiệm vụ chính trị; thực hiện nghiêm chế độ báo cáo, chấm điểm, bình xét thi đua của Cụm.`;

/** Each member unit's signatory, by demo unit code. */
const SIGNATORIES: Record<string, { name: string; position: string }> = {
  ANM: { name: "Nguyễn Minh Chính", position: "Trung tướng, Cục trưởng, Cụm trưởng Cụm thi đua số 2 năm 2021" },
  KTNV: { name: "Hoàng Văn Khải", position: "Cục trưởng" },
  NT: { name: "Lê Bá Vũ", position: "Cục trưởng" },
  QLXNC: { name: "Phan Thanh Bình", position: "Cục trưởng" },
  BTLCV: { name: "Đào Tiến Hòa", position: "Tư lệnh" },
};

export async function seedJointAgreement2021(tx: Tx, ctx: { year2021Id: string; unitIds: Record<string, string> }) {
  const agreement = await tx.jointAgreement.create({
    data: {
      emulationYearId: ctx.year2021Id,
      title: "Giao ước thi đua năm 2021 của Cụm thi đua số 2",
      commitments: COMMITMENTS,
      place: "Hà Nội",
      signedOn: new Date("2021-11-19T00:00:00Z"),
      status: "SIGNED",
      updatedByName: "Thư ký Cụm thi đua số 2",
      createdAt: new Date("2021-11-19T10:00:00Z"),
    },
    select: { id: true },
  });
  await tx.jointAgreementSignatory.createMany({
    data: Object.entries(SIGNATORIES).map(([code, s]) => ({ agreementId: agreement.id, unitId: ctx.unitIds[code]!, ...s })),
  });
}
