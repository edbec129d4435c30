import Foundation

/// Every message the reader can give, in one place, in the office's language. The user is a clerk,
/// not a programmer: each says what is wrong with the file in plain words and, in the hint, what to
/// do in Word, WPS or Notepad. Nothing here mentions XML, zip entries or byte offsets unless it helps.
extension DocumentReadingError {
    static let resaveAsDocx = "请用 Word 或 WPS 打开原文件，选择“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”，再导入另存的文件。"

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static var empty: DocumentReadingError {
        DocumentReadingError("文件是空的，里面没有任何内容。", hint: "请确认选对了文件；如果是从网上下载的，请重新下载后再试。")
    }

    static func tooLarge(_ size: Int, limit: Int) -> DocumentReadingError {
        DocumentReadingError(
            "文件太大（\(megabytes(size)) MB），超过了 \(megabytes(limit)) MB 的上限，不能导入。",
            hint: "一份通知通常不超过几 MB。如果文件里有很多图片，请在 Word/WPS 中删除或压缩图片（“图片格式 → 压缩图片”）后另存为 .docx 再试。")
    }

    static func unreadable(_ path: String, _ reason: String) -> DocumentReadingError {
        DocumentReadingError("无法打开文件“\(path)”：\(reason)", hint: "请确认文件存在、没有在别的程序中被锁定，并且有读取权限。")
    }

    static func damagedDocx(_ detail: String) -> DocumentReadingError {
        DocumentReadingError("文件已损坏，无法作为 Word 文档（.docx）读取：\(detail)", hint: resaveAsDocx)
    }

    static func unsafeArchive(_ name: String) -> DocumentReadingError {
        DocumentReadingError(
            "文件里有一个不安全的内部路径（“\(name)”），这不是 Word 正常保存的文档，可能是被人为构造的，已拒绝读取。",
            hint: "请向发文单位索取原始文件，或用 Word/WPS 打开后另存为 .docx 再试。")
    }

    static func entryTooLarge(_ name: String, limit: Int) -> DocumentReadingError {
        DocumentReadingError(
            "文件中的“\(name)”解压后超过 \(megabytes(limit)) MB 的上限，可能是恶意构造的压缩文件（“压缩炸弹”），已停止读取。",
            hint: "正常的通知不会这么大。请向发文单位索取原始文件，或用 Word/WPS 打开后另存为 .docx 再试。")
    }

    static func totalTooLarge(limit: Int) -> DocumentReadingError {
        DocumentReadingError(
            "文件解压后的内容合计超过 \(megabytes(limit)) MB 的上限，可能是恶意构造的压缩文件，已停止读取。",
            hint: "正常的通知不会这么大。请向发文单位索取原始文件，或用 Word/WPS 打开后另存为 .docx 再试。")
    }

    static var encrypted: DocumentReadingError {
        DocumentReadingError("文件设置了打开密码（已加密），无法读取。",
                             hint: "请在 Word/WPS 中输入密码打开文件，在“文件 → 信息 → 保护文档”中删除密码，另存为 .docx 后再试。")
    }

    static var missingBody: DocumentReadingError {
        DocumentReadingError("这个 .docx 文件里没有正文（缺少 word/document.xml），可能已损坏，或者并不是 Word 文档。", hint: resaveAsDocx)
    }

    static func declaredEntities(_ part: String) -> DocumentReadingError {
        DocumentReadingError(
            "文档的“\(part)”中含有 DTD 或实体声明（<!DOCTYPE / <!ENTITY）。Word 和 WPS 从不写入这种内容，它可能被用来攻击电脑，已拒绝读取。",
            hint: "请向发文单位索取原始文件，或用 Word/WPS 打开后另存为 .docx 再试。")
    }

    static func malformedXML(_ part: String, line: Int?, detail: String) -> DocumentReadingError {
        let place = line.map { "第 \($0) 行" } ?? ""
        return DocumentReadingError("文档的“\(part)”\(place)内容格式错误（\(detail)），文件可能已损坏。", hint: resaveAsDocx)
    }

    static func tooComplex(_ part: String) -> DocumentReadingError {
        DocumentReadingError("文档的“\(part)”结构过于复杂（嵌套过深或元素过多），不像是正常的通知，已拒绝读取。", hint: resaveAsDocx)
    }

    static var unknownEncoding: DocumentReadingError {
        DocumentReadingError(
            "文件既不是 UTF-8 也不是 GB18030 编码，无法识别其中的文字。",
            hint: "请用记事本打开这个文件，选择“文件 → 另存为”，在窗口下方的“编码”中选“UTF-8”后保存；用 WPS 打开的，可以把全文复制到新建的文字文档中，另存为“Word 文档 (*.docx)”。然后导入另存的文件。")
    }

    static var binaryText: DocumentReadingError {
        DocumentReadingError(
            "这个文件看起来不是纯文本（里面有大量非文字的字节），无法按文本读取。",
            hint: "如果它其实是 Word 或 WPS 文档，请用 Word/WPS 打开，另存为“Word 文档 (*.docx)”后导入；如果是文本，请用记事本另存为 UTF-8 编码。")
    }
}
