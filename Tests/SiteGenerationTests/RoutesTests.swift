import Testing
@testable import SiteGeneration

/// Every link on the site is relative, so the site works under any sub-path and from a folder.
@Suite("Routes")
struct RoutesTests {
    /// The path arithmetic, shown with folder links (what a handout rewrites from).
    let routes = Routes(explicitIndex: false)

    @Test("links between pages climb only out of the folders they do not share")
    func relativeLinks() {
        #expect(routes.link(from: "2024/meitan-aksu/checklist/gaoji/", to: "2024/meitan-aksu/templates/gongshi/") == "../../templates/gongshi/")
        #expect(routes.link(from: "2024/meitan-aksu/checklist/gaoji/", to: "") == "../../../../")
        #expect(routes.link(from: "", to: "2024/meitan-aksu/") == "2024/meitan-aksu/")
        #expect(routes.link(from: "2024/meitan-aksu/", to: "2024/meitan-aksu/") == "./")
        #expect(routes.link(from: "2024/meitan-aksu/", to: "2022/shuili/") == "../../2022/shuili/")
        #expect(routes.link(from: "series/gongcheng/shuili/checklist/", to: "series/gongcheng/") == "../../")
    }

    @Test("a file is linked by its name, and a page that is a file links from its folder")
    func files() {
        #expect(routes.link(from: "2024/meitan-aksu/", to: "2024/meitan-aksu/deadlines.ics") == "deadlines.ics")
        #expect(routes.link(from: "2024/meitan-aksu/", to: "feed.xml") == "../../feed.xml")
        #expect(routes.link(from: "404.html", to: "search/") == "search/")
        #expect(routes.link(from: "a/b.html", to: "a/c/") == "c/")
    }

    @Test("the site names index.html in every link to a folder, so it works from file:// as well as over HTTP")
    func explicitIndex() {
        let offline = Routes()
        #expect(offline.link(from: "2024/meitan-aksu/", to: "") == "../../index.html")
        #expect(offline.link(from: "2024/meitan-aksu/", to: "2024/meitan-aksu/") == "index.html")
        #expect(offline.link(from: "2024/meitan-aksu/", to: "2024/meitan-aksu/deadlines.ics") == "deadlines.ics")
    }
}
