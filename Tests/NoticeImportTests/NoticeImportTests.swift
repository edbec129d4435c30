import Testing
@testable import NoticeImport
