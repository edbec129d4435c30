import Foundation
import NoticeModel
import TestSupport

extension ContentFixture {
    /// A valid site and taxonomy unless replaced, and each notice's notice.yml and notice.md as given.
    init(notices: [String: (yml: String, md: String)], site: String? = nil, taxonomy: String? = nil) throws {
        var files = Self.files(inArchive: minimalSite)
        if let site { files[0].text = site }
        if let taxonomy { files[1].text = taxonomy }
        for (id, texts) in notices {
            files += [("notices/\(id)/notice.yml", texts.yml), ("notices/\(id)/notice.md", texts.md)]
        }
        try self.init(files: files)
    }

    func load() -> ContentLoader.Result {
        ContentLoader.load(from: root, displayRoot: "content")
    }
}

/// A valid site.yml and taxonomy.yml with one series and specialty, as a txtar archive.
let minimalSite = """
-- site.yml --
title: 测试站点
-- taxonomy.yml --
series:
  - id: gongcheng
    name: 工程系列
    specialties:
      - {id: shuili, name: 水利}
"""

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
