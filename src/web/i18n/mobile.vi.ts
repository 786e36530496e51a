// Vietnamese texts of the phone layouts and of the confirmations before irreversible steps.
export const mobileVi = {
  confirm: {
    whatNext: 'Điều gì sẽ xảy ra tiếp theo',
    cancel: 'Hủy, chưa làm',
    close: 'Đóng',
    submit: {
      title: 'Nộp hồ sơ cho UBND xã?',
      next: 'Hồ sơ được gửi đến UBND xã và không sửa được nữa. Xã có 15 ngày làm việc để kiểm tra, lập báo cáo (Mẫu 03) và chuyển lên tỉnh, hoặc trả lại để bổ sung.',
    },
    resubmit: {
      title: 'Nộp lại hồ sơ đã bổ sung?',
      next: 'Hồ sơ được gửi lại cơ quan đã trả lại và không sửa được nữa cho đến khi được xem xét.',
    },
    forward: {
      title: 'Chuyển hồ sơ lên tỉnh?',
      next: 'Báo cáo Mẫu 03 được lưu và hồ sơ chuyển lên cơ quan thường trực OCOP cấp tỉnh; xã không sửa báo cáo được nữa. Tỉnh sẽ kiểm tra và tiếp nhận hoặc trả lại hồ sơ.',
    },
    accept: {
      title: 'Tiếp nhận hồ sơ?',
      next: 'Hồ sơ được ghi nhận là đầy đủ và chuyển Tổ tư vấn đánh giá; chủ thể được báo là hồ sơ đã được tiếp nhận. Sau đó hồ sơ được đưa vào một phiên họp của Hội đồng.',
      nextCentral: 'Hồ sơ đề nghị 5 sao được ghi nhận là đầy đủ và chuyển Tổ tư vấn Hội đồng cấp trung ương.',
    },
    return: {
      title: 'Trả lại hồ sơ cho chủ thể?',
      next: 'Chủ thể thấy các lý do trên hồ sơ, bổ sung và nộp lại. Hồ sơ rời khỏi danh sách chờ xử lý của bạn cho đến khi được nộp lại.',
    },
    reject: {
      title: 'Loại hồ sơ?',
      next: 'Hồ sơ bị loại và kết thúc ở đây; chủ thể thấy căn cứ loại. Muốn được đánh giá, chủ thể phải lập hồ sơ mới.',
    },
    decide: {
      title: 'Ban hành quyết định?',
      next: 'Quyết định số {{number}} được ghi vào hồ sơ và không sửa được nữa: {{outcome}}',
    },
    revoke: {
      title: 'Thu hồi giấy chứng nhận {{number}}?',
      next: 'Giấy chứng nhận hết hiệu lực ngay; trang xác minh công khai sẽ ghi "Đã bị thu hồi" kèm quyết định số {{decision}}. Việc thu hồi không hoàn tác được.',
    },
    closeSession: {
      title: 'Kết thúc phiên và lập biên bản?',
      next: 'Phiên đóng lại, thành viên không chấm hoặc sửa phiếu được nữa; kết quả của từng hồ sơ được chuyển vào hồ sơ để ban hành quyết định.',
    },
  },
  mobileNav: {
    workspace: 'Làm việc',
  },
  listCard: {
    deadline: 'Hạn',
    stars: 'Hạng sao',
  },
  formSteps: {
    label: 'Các bước của phiếu',
    progress: 'Bước {{n}}/{{total}}',
    unit: 'Đơn vị',
    product: 'Sản phẩm',
    profile: 'Thông tin chung',
    capacity: 'Năng lực',
    results: 'Kết quả, kế hoạch',
    previous: 'Bước trước',
    next: 'Lưu và tiếp tục',
    savedStep: 'Đã lưu bước {{n}}',
  },
};
