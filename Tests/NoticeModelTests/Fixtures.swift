import Foundation
import NoticeModel

/// A throwaway content folder for one test, with a valid site and taxonomy unless replaced.
struct ContentFixture {
    let root: URL

    init(notices: [String: (yml: String, md: String)], site: String? = nil, taxonomy: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notices"), withIntermediateDirectories: true)
        try (site ?? "title: 测试站点\n").write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try (taxonomy ?? """
        series:
          - id: gongcheng
            name: 工程系列
            specialties:
              - {id: shuili, name: 水利}
        """).write(to: root.appendingPathComponent("taxonomy.yml"), atomically: true, encoding: .utf8)
        for (id, files) in notices {
            let folder = root.appendingPathComponent("notices/\(id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try files.yml.write(to: folder.appendingPathComponent("notice.yml"), atomically: true, encoding: .utf8)
            try files.md.write(to: folder.appendingPathComponent("notice.md"), atomically: true, encoding: .utf8)
        }
    }

    func load() -> ContentLoader.Result {
        ContentLoader.load(from: root, displayRoot: "content")
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A minimal valid notice; tests change one thing in it.
let minimalNotice = """
id: 2022-shuili
year: 2022
title: 2022年度水利专业职称评审通知
issuer: 水利职称办
scope: 自治区
series: [gongcheng]
specialties: [gongcheng/shuili]
levels:
  - {id: fugao, rank: 副高级, name: 高级工程师}
timeline:
  - id: apply
    kind: apply
    label: 网上申报
    start: 2022-08-05 10:00
    end: 2022-08-31 20:00
    source: "#一时间安排"
fees:
  - {level: fugao, amount: 500}

"""

let minimalText = """
## 一、时间安排

8月5日10:00至8月31日20:00。

"""
