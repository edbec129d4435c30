import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import CalendarExport

func sampleNotice(_ id: String) throws -> Notice {
    try #require(ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content?.notices.first { $0.id == id })
}

@Suite("The deadlines calendar")
struct CalendarExportTests {
    @Test("Beijing times become UTC eight hours earlier, across midnight and 24:00")
    func utc() {
        #expect(NoticeCalendar.utc(BeijingDateTime(year: 2022, month: 8, day: 31, hour: 20, minute: 0)) == "20220831T120000Z")
        #expect(NoticeCalendar.utc(BeijingDateTime(year: 2022, month: 8, day: 5, hour: 7, minute: 30)) == "20220804T233000Z")
        #expect(NoticeCalendar.utc(BeijingDateTime(year: 2024, month: 1, day: 1, hour: 0, minute: 0)) == "20231231T160000Z")
        #expect(NoticeCalendar.utc(BeijingDateTime(year: 2024, month: 2, day: 28, hour: 24, minute: 0)) == "20240228T160000Z")
        #expect(NoticeCalendar.nextDay(BeijingDateTime(year: 2024, month: 2, day: 28)).description == "2024-02-29")
        #expect(NoticeCalendar.nextDay(BeijingDateTime(year: 2024, month: 12, day: 31)).description == "2025-01-01")
    }

    @Test("2022-shuili: every deadline once, with a reminder a day before, in the order they fall")
    func shuili() throws {
        let notice = try sampleNotice("2022-shuili")
        let entries = NoticeCalendar.entries(for: notice)
        #expect(entries.map(\.summary) == ["开始：网上申报", "截止：网上申报", "截止：集中审核反馈", "截止：评审表报水利厅", "截止：评审费报水利厅"])
        let ics = NoticeCalendar.ics(for: notice)
        #expect(ics.contains("DTSTART:20220831T120000Z\r\nSUMMARY:截止：网上申报\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20220930\r\nDTEND;VALUE=DATE:20221001\r\n"))
        #expect(ics.components(separatedBy: "TRIGGER:-P1D").count - 1 == entries.count)
        #expect(ics.contains("DTSTAMP:20220724T160000Z"))   // published 2022-07-25, Beijing midnight
        #expect(ics == NoticeCalendar.ics(for: notice))
    }

    @Test("Lines are folded at 75 octets without splitting a character; text is escaped")
    func folding() throws {
        let ics = NoticeCalendar.ics(for: try sampleNotice("2024-meitan-aksu"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(NoticeCalendar.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(NoticeCalendar.text("第一行\r\n第二行\r") == "第一行\\n第二行")   // never a raw line break
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    }
}
