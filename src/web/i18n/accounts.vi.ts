// Vietnamese texts of producer sign-up and invitation acceptance.
export const accountsVi = {
  signup: {
    link: 'Chủ thể mới? Đăng ký tài khoản',
    title: 'Đăng ký chủ thể OCOP',
    intro: 'Dành cho hợp tác xã, tổ hợp tác, doanh nghiệp, trang trại, hộ sản xuất có sản phẩm muốn tham gia Chương trình OCOP. Sau khi đăng ký, bạn đăng nhập được ngay; UBND xã sẽ duyệt thông tin chủ thể.',
    account: 'Tài khoản của bạn',
    fullName: 'Họ tên của bạn',
    passwordHint: 'Ít nhất 12 ký tự. Một cụm từ dễ nhớ gồm vài từ là lựa chọn tốt.',
    entity: 'Chủ thể',
    representative: 'Người đại diện',
    sameAsMe: 'Tôi là người đại diện',
    submit: 'Đăng ký',
    logInNow: 'Đăng nhập ngay',
    haveAccount: 'Đã có tài khoản? Đăng nhập',
  },
  invite: {
    title: 'Nhận lời mời',
    intro: 'Bạn được mời làm thành viên của một chủ thể OCOP. Chọn tên hiển thị và mật khẩu để tạo tài khoản.',
    submit: 'Tạo tài khoản',
    noToken: 'Liên kết thiếu mã lời mời; hãy mở đúng liên kết trong thư mời, hoặc nhờ người mời gửi lời mời mới.',
    repeat: 'Nhập lại mật khẩu',
  },
};
