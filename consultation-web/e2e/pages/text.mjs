// What users read on screen, per language. Written out here rather than imported from the app's
// catalogues so that a wrong translation fails a test instead of changing with it.
export const TEXT = {
  vi: {
    loginHeading: 'Đăng nhập', username: 'Tên đăng nhập', password: 'Mật khẩu', loginButton: 'Đăng nhập',
    sso: 'Đăng nhập bằng SSO', logout: 'Đăng xuất', mainNav: 'Điều hướng chính', language: 'Ngôn ngữ',
    patients: 'Bệnh nhân', users: 'Người dùng', hospitals: 'Bệnh viện', audit: 'Nhật ký truy cập',
    searchHeading: 'Tìm bệnh nhân', searchButton: 'Tìm kiếm', results: 'Kết quả tìm kiếm',
    fullName: 'Họ và tên', birthDate: 'Ngày sinh', sex: 'Giới tính', citizenId: 'Số CCCD', insuranceNumber: 'Số thẻ BHYT',
    male: 'Nam', female: 'Nữ', demographics: 'Thông tin hành chính', verify: 'Kiểm tra tính toàn vẹn',
    loggedOut: 'Bạn đã đăng xuất.',
    phone: 'Số điện thoại', address: 'Địa chỉ', newPatient: 'Thêm bệnh nhân', createRecord: 'Tạo hồ sơ',
    editPatient: 'Sửa thông tin', save: 'Lưu', reload: 'Tải lại hồ sơ', unlock: 'Mở khoá',
    joinRoom: 'Vào phòng', knock: 'Xin vào phòng chờ để người chủ trì cho phép', admit: 'Cho vào',
    chatMessage: 'Nhập tin nhắn', send: 'Gửi', notParticipant: 'Bạn không có tên trong buổi hội chẩn này.',
    camera: 'Camera', microphone: 'Micrô', waitingRoom: 'Bạn đang ở phòng chờ',
    emrOutbox: 'Gửi EMR', emrOutboxHeading: 'Hàng đợi gửi bệnh án điện tử (EMR)',
  },
  en: {
    loginHeading: 'Log in', username: 'Username', password: 'Password', loginButton: 'Log in',
    sso: 'Log in with SSO', logout: 'Log out', mainNav: 'Main navigation', language: 'Language',
    patients: 'Patients', users: 'Users', hospitals: 'Hospitals', audit: 'Audit log',
    searchHeading: 'Find a patient', searchButton: 'Search', results: 'Search results',
    fullName: 'Full name', birthDate: 'Date of birth', sex: 'Sex', citizenId: 'Citizen ID (CCCD)',
    insuranceNumber: 'Health insurance number (BHYT)', male: 'Male', female: 'Female', demographics: 'Demographics',
    verify: 'Verify chain', loggedOut: 'You have logged out.',
    phone: 'Phone number', address: 'Address', newPatient: 'New patient', createRecord: 'Create record',
    editPatient: 'Edit details', save: 'Save', reload: 'Reload record', unlock: 'Unlock',
    joinRoom: 'Join the room', knock: 'Ask the moderator to let you in', admit: 'Admit',
    chatMessage: 'Type a message', send: 'Send', notParticipant: 'You are not a participant of this consultation.',
    camera: 'Camera', microphone: 'Microphone', waitingRoom: 'You are in the waiting room',
    emrOutbox: 'EMR delivery', emrOutboxHeading: 'Deliveries to the hospital EMR',
  },
};
