import ArgumentParser
import Foundation
import NoticeImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "从通知原文（.docx、.txt、.md）整理出通知草稿：notice.yml、notice.md 和模板，每个读出的值都标为待确认。",
        discussion: "写入内容文件夹的 notices/<id>/，不覆盖已有的通知；失败时什么也不写。")

    @Argument(help: "通知原文：.docx（Word）、.txt（UTF-8 或 GB18030）或 .md。")
    var file: String

    @Option(name: .long, help: "新通知的 id，如 2025-weisheng-yili（默认由年份和系列、专业生成）。")
    var id: String?

    @Option(name: .long, help: "内容文件夹。")
    var content: String = "content"

    func run() throws {
        let result: NoticeImporter.Result
        do {
            result = try NoticeImporter.run(file: URL(fileURLWithPath: file), id: id, contentDirectory: URL(fileURLWithPath: content),
                                            displayRoot: content)
        } catch {
            FileHandle.standardError.write(Data("错误：\(error.message)\n".utf8))
            if let hint = error.hint { FileHandle.standardError.write(Data("提示：\(hint)\n".utf8)) }
            throw ExitCode(1)
        }
        let summary = result.summary
        print("已读取《\((file as NSString).lastPathComponent)》：\(result.documentDescription)。"
              + (result.removed.isEmpty ? "" : "已去掉转换残留：\(result.removed.joined(separator: "、"))。"))
        print("已写入 \(content)/notices/\(result.id)/：")
        for path in result.written { print("  \(content)/\(path)") }
        print("找到：" + (summary.found + ["全文 \(summary.characters) 字"]).joined(separator: "，") + "。")
        if !summary.notFound.isEmpty { print("未找到（草稿中没有写，请对照原文补上）：" + summary.notFound.joined(separator: "，") + "。") }
        for note in summary.notes { print("请注意：\(note)") }
        print("待确认：共 \(summary.toConfirm) 项，都列在 notice.yml 的 to_confirm 中，并附有原文句子；核对前页面上标为“待确认”。")
        if !result.buildProblems.isEmpty {
            print("草稿还有问题，build 会报告：")
            for problem in result.buildProblems { print("  \(problem)") }
        }
        print("下一步：noticeboard check --content \(content)   逐项列出待确认的值及其位置；noticeboard serve --content \(content)   预览页面。")
    }
}
