import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing
@testable import SiteGeneration

/// The five real notices, built as an applicant would read them: each page must state its key facts.
@Suite("The sample site")
struct SampleSiteTests {
    /// What an applicant must find on each notice page, in the words the page uses.
    static let keyFacts: [(page: String, facts: [String])] = [
        ("2024/gongcheng-zixun/index.html", [
            "2024年8月30日 10:00 至 2024年9月30日 20:00", "（北京时间）", "年份说明", "2020–2024年（共5年）", "2021–2024年（共4年）",
            "2021–2023年度", "最多提交3次", "本通知未列明评审费金额", "乌鲁木齐市天山区明德路102号", "猎豹浏览器", "一式两份",
            "附件1-1", "附件1-2", "附件1-3", "参与本年度“访惠聚”人员",
        ]),
        ("2021/zizhiqu-5-xilie/index.html", [
            "2021年8月30日 至 2021年10月8日", "0991-3689900", "0991-3689696", "0991-3193615", "0991-3193501",
            "本年度无需提交纸质评审表", "2016–2020年（共5年）", "专业科目 2021年", "实行一票否决制", "新人社函〔2017〕175号",
            "新人社函〔2017〕328号", "委托评审函", "本页的理解：", "通知未写明干部院校教师系列和技工院校教师专业评审哪些级别",
        ]),
        ("2024/meitan-aksu/index.html", [
            "2024年7月22日 至 2024年8月30日 18:00", "请注意：通知原文有误", "通知印作“2023年9月15日—9月25日”",
            "更正：", "“2023年9月15日—9月25日”是通知原文的印误，应为2024年9月15日 至 2024年9月25日",
            "本页的理解：", "“2021年之后”“2022年之后”按包含2021年、2022年理解", "通知原文：“2021年之后的专业课合格证书及2022年之后的公需课合格证书需从系统获取",
            "2024年9月15日 至 2024年9月25日", "700 元", "400 元", "200 元", "每年不少于90学时，其中专业科目不少于60学时",
            "2021–2024年（共4年）", "公需科目2022–2024年的证书从管理平台获取，2021年的证书手动上传", "民营企业专业技术人员初次参加职称评审",
            "退回后2日（48小时）内修改并重新提交", "2024年12月31日", "高级技师", "三级乙等", "0997-2532160", "0997-2131117",
            "阿地人社传〔2024〕13号", "免除继续教育学习申请表",
        ]),
        ("2023/guotu-cehui-dizhi/index.html", [
            "截至 2023年10月10日 20:00", "2023年11月2日 20:00", "*.jpg", "退回后2日（48小时）内修改并重新提交", "专业科目 2023年",
            "2021–2023年（共3年）", "779259695", "按手印", "不同条件", "优秀比例",
        ]),
        ("2022/shuili/index.html", [
            "2022年8月5日 10:00 至 2022年8月31日 20:00", "2022年8月25日 至 2022年9月15日", "500 元", "350 元", "100 元",
            "2022年9月30日", "2018–2022年（共5年）", "2021–2022年（共2年）", "腾讯会议", "3-5分钟", "实行一票否决制",
            "满10年", "不可罗列姓名",
        ]),
    ]

    @Test("every notice page states its key facts before the full text")
    func keyFactsOnEveryNoticePage() throws {
        let output = temporaryFolder("sample")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try buildSite(output: output)
        #expect(report.noticeCount == 5)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        for (page, facts) in Self.keyFacts {
            let html = try read(output, page)
            let text = visibleText(html)
            for fact in facts {
                let found = text.contains(fact)
                #expect(found, "\(page) does not say “\(fact)”")
            }
            // Key facts come first: the summary precedes the full text.
            let summary = try #require(html.range(of: "id=\"facts-title\""))
            let fullText = try #require(html.range(of: "id=\"fulltext-title\""))
            #expect(summary.lowerBound < fullText.lowerBound)
        }
    }

    @Test("a misprint is marked wherever it is quoted, said once, and data text is not run into a fixed verb")
    func faithfulToThePrintedNotice() throws {
        let output = temporaryFolder("faithful")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        let meitan = visibleText(try read(output, "2024/meitan-aksu/index.html"))
        // The corrections banner quotes the misprint once, not "原文印作X…通知印作X".
        let banner = try #require(meitan.range(of: "请注意：通知原文有误")).upperBound
        let bannerText = meitan[banner..<(try #require(meitan.range(of: "要点")).lowerBound)]
        #expect(bannerText.components(separatedBy: "2023年9月15日—9月25日").count == 2, "\(bannerText)")
        // The paper-forms box quotes the printed text and marks it.
        let paper = try #require(meitan.range(of: "纸质材料 截至 2024年9月25日"))
        #expect(meitan[paper.upperBound...].prefix(120).contains("更正："))
        // The exemption's proof is the notice's own words, not "需上传在继续教育栏上传…".
        #expect(!meitan.contains("需上传在"))
        #expect(meitan.contains("符合免继续教育培训的——证明材料：在继续教育栏上传免学审批表"))
        // The checklist quotes the misprinted paper date with the same mark.
        let checklist = visibleText(try read(output, "2024/meitan-aksu/checklist/index.html"))
        #expect(checklist.contains("材料报送时间：2023年9月15日—9月25日。 更正："))
        // A first-time private applicant's exemption is stated on every continuing-education material.
        #expect(checklist.contains("不适用于：民营企业专业技术人员初次参加职称评审（本通知对其继续教育不作硬性要求）"))
    }

    @Test("the full text of every notice reaches its page, sentence for sentence")
    func fullTextIsComplete() throws {
        let output = temporaryFolder("fulltext")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        let pages = [("2024-gongcheng-zixun", "2024/gongcheng-zixun"), ("2021-zizhiqu-5-xilie", "2021/zizhiqu-5-xilie"),
                     ("2024-meitan-aksu", "2024/meitan-aksu"), ("2023-guotu-cehui-dizhi", "2023/guotu-cehui-dizhi"), ("2022-shuili", "2022/shuili")]
        for (id, page) in pages {
            let markdown = try read(repositoryRoot, "content/notices/\(id)/notice.md")
            let text = visibleText(try read(output, "\(page)/index.html"))
            // Every sentence of the source text (split at 。) appears on the page.
            let plain = markdown.replacingOccurrences(of: "<(https?://[^>]+)>", with: "$1", options: .regularExpression)
                .replacingOccurrences(of: "[#>*|`-]", with: " ", options: .regularExpression)
            for sentence in plain.components(separatedBy: "。") {
                let words = sentence.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
                guard words.count > 8, !words.contains(" ") else { continue }
                let found = text.contains(words)
                #expect(found, "\(page) lacks: \(words)")
            }
        }
    }

    @Test("home lists every notice newest first; series and specialty pages list theirs")
    func listings() throws {
        let output = temporaryFolder("listings")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        let home = try read(output, "index.html")
        let order = ["2024年度", "2023年度", "2022年度", "2021年度"].map { home.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        for link in ["2024/gongcheng-zixun/", "2024/meitan-aksu/", "2023/guotu-cehui-dizhi/", "2022/shuili/", "2021/zizhiqu-5-xilie/"] {
            #expect(home.contains("href=\"\(link)index.html\""))
        }
        // The five-series notice is listed once on the home page, not once per series.
        #expect(home.components(separatedBy: "href=\"2021/zizhiqu-5-xilie/index.html\"").count == 2)
        let shuili = try read(output, "series/gongcheng/shuili/index.html")
        #expect(shuili.contains("href=\"../../../2022/shuili/index.html\""))
        #expect(shuili.contains("适用于整个系列的通知"))
        #expect(shuili.contains("href=\"../../../2021/zizhiqu-5-xilie/index.html\""))
        // The breadcrumb of a notice with one specialty goes through that specialty's series.
        let fiveSeries = try read(output, "2021/zizhiqu-5-xilie/index.html")
        #expect(fiveSeries.contains("<li><a href=\"../../series/jingji/index.html\">经济系列</a></li><li><a href=\"../../series/jingji/renli-ziyuan/index.html\">人力资源管理</a></li>"))
        let jingji = try read(output, "series/jingji/index.html")
        #expect(jingji.contains("2021/zizhiqu-5-xilie/"))
        #expect(try read(output, "404.html").contains("页面未找到"))
    }

    @Test("sitemap and feed list every notice and are well-formed XML")
    func sitemapAndFeed() throws {
        let output = temporaryFolder("feeds")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        let sitemap = try read(output, "sitemap.xml")
        let feed = try read(output, "feed.xml")
        for page in ["2024/meitan-aksu/", "2022/shuili/", "series/gongcheng/shuili/"] { #expect(sitemap.contains("<loc>\(page)</loc>")) }
        #expect(feed.components(separatedBy: "<entry>").count == 6)
        #expect(feed.contains("<updated>2024-08-30T00:00:00+08:00</updated>"))
        for xml in [sitemap, feed] {
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(parser.parserError as Any)")
        }
    }

    @Test("the same content gives byte-identical output")
    func deterministic() throws {
        let first = temporaryFolder("det-a"), second = temporaryFolder("det-b")
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        _ = try buildSite(output: first)
        _ = try buildSite(output: second)
        let a = try snapshot(first), b = try snapshot(second)
        #expect(a.count > 20)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between two builds") }
    }

    @Test("no page links outside the site or loads anything from elsewhere")
    func noExternalResources() throws {
        let output = temporaryFolder("external")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        for (path, data) in try snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let loads = html.matches(of: /(?:src|href)="([^"]+)"/).map { String($0.1) }
                .filter { !$0.hasPrefix("http") && !$0.hasPrefix("tel:") && !$0.hasPrefix("mailto:") && !$0.hasPrefix("#") }
            for link in loads { #expect(!link.hasPrefix("//") && !link.lowercased().hasPrefix("javascript:"), "\(path): \(link)") }
            // Only anchors may point elsewhere; stylesheets, scripts and images are the site's own.
            #expect(html.matches(of: /<(?:script|link|img)[^>]+(?:src|href)="https?:/).isEmpty, "\(path) loads an external resource")
        }
    }
}
