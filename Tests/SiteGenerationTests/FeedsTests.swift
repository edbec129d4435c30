import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NoticeModel
import Testing
import TestSupport
@testable import SiteGeneration

/// The sitemap past the protocol's limits, and the feed's newest notices.
@Suite("Sitemap and feed at scale")
struct FeedsTests {
    static let pages: [Feeds.SitemapEntry] = (1...7).map { ("2024/notice-\($0)/", $0 % 2 == 0 ? "2024-0\($0)-01" : nil) }

    @Test("within the limits the sitemap is one file, as before")
    func oneFile() {
        let files = Feeds.sitemapFiles(pages: Self.pages, baseURL: "https://example.gov.cn/zc/", addressLimit: 7)
        #expect(files.map(\.path) == ["sitemap.xml"])
        #expect(files[0].contents == Feeds.sitemap(pages: Self.pages, baseURL: "https://example.gov.cn/zc/"))
        #expect(files[0].contents.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "))
    }

    @Test("past the address limit sitemap.xml is an index naming sitemap-1.xml, sitemap-2.xml, … in page order")
    func indexPastAddressLimit() throws {
        let files = Feeds.sitemapFiles(pages: Self.pages, baseURL: "https://example.gov.cn/zc/", addressLimit: 3)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = files[0].contents
        #expect(index == """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.gov.cn/zc/sitemap-1.xml</loc><lastmod>2024-02-01</lastmod></sitemap>
              <sitemap><loc>https://example.gov.cn/zc/sitemap-2.xml</loc><lastmod>2024-06-01</lastmod></sitemap>
              <sitemap><loc>https://example.gov.cn/zc/sitemap-3.xml</loc></sitemap>
            </sitemapindex>

            """)
        // Every page once, in order, none over the limit.
        let listed = files.dropFirst().flatMap { file in
            file.contents.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(listed == Self.pages.map { "https://example.gov.cn/zc/" + $0.path })
        for file in files { #expect(XMLParser(data: Data(file.contents.utf8)).parse(), "\(file.path) is not well-formed") }
    }

    @Test("past the byte limit each file stays within it")
    func byteLimit() {
        let oneFile = Feeds.sitemap(pages: Self.pages, baseURL: nil).utf8.count
        let limit = oneFile / 2
        let files = Feeds.sitemapFiles(pages: Self.pages, baseURL: nil, byteLimit: limit)
        #expect(files.count > 2)
        #expect(files.dropFirst().allSatisfy { $0.contents.utf8.count <= limit })
        #expect(files.dropFirst().map { $0.contents.components(separatedBy: "<url>").count - 1 }.reduce(0, +) == Self.pages.count)
    }

    @Test("the feed holds the newest notices, newest first, whatever order they were read in")
    func feedNewestFirst() throws {
        let content = try #require(ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content)
        let feed = Feeds.atom(site: content.site, notices: content.notices, limit: 3)
        let ids = feed.components(separatedBy: "<id>tag:noticeboard,2024:notice/").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let byDate = content.notices.sorted { (Feeds.entryDate($0) ?? "", $1.id) > (Feeds.entryDate($1) ?? "", $0.id) }
        #expect(ids == byDate.prefix(3).map(\.id))
        #expect(ids.count == 3)
        #expect(Feeds.atom(site: content.site, notices: content.notices.reversed(), limit: 3) == feed)
        // The feed's date is the newest notice's, shown or not.
        #expect(feed.contains("<updated>\(try #require(content.notices.compactMap(Feeds.entryDate).max()))</updated>"))
        #expect(Feeds.feedLimit == 50)
    }
}
