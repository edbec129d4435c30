import Foundation

/// Every regular file below `folder`, as paths relative to it, sorted: what `new` copied, the
/// search files a state of the site has, the files of a built site, a theme's files. Relative and
/// sorted, so what is reported or compared does not depend on where the folder is or on the order
/// the file system lists it in.
public func regularFiles(under folder: URL) -> [String] {
    let base = folder.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    var result: [String] = []
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { continue }
        result.append(String(path.dropFirst(base.count + 1)))
    }
    return result.sorted()
}
