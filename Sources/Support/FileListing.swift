import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every regular file below `folder`, as paths relative to it, sorted: what `new` copied, the
/// search files a state of the site has, the files of a built site, a theme's files. Relative and
/// sorted, so what is reported or compared does not depend on where the folder is or on the order
/// the file system lists it in.
///
/// Read with `readdir`, whose entries say their own type: Foundation's enumerator asked each file's
/// attributes in turn, and listing a 10,000-notice site's 55,000 search files took over a second of
/// `serve`'s background search job.
public func regularFiles(under folder: URL) -> [String] {
    var result: [String] = []
    collectRegularFiles(folder.standardizedFileURL.path, prefix: "", into: &result)
    return result.sorted()
}

private func collectRegularFiles(_ path: String, prefix: String, into result: inout [String]) {
    #if canImport(Glibc)
    guard let directory = opendir(path) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        let full = path + "/" + name
        var type = Int32(entry.pointee.d_type)
        if type == Int32(DT_UNKNOWN) {   // some file systems do not say
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1
        }
        // A link is not followed (a link to a folder above would never end).
        if type == Int32(DT_DIR) {
            collectRegularFiles(full, prefix: prefix + name + "/", into: &result)
        } else if type == Int32(DT_REG) {
            result.append(prefix + name)
        }
    }
    #else
    let base = URL(fileURLWithPath: path)
    guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        let full = url.standardizedFileURL.path
        guard full.hasPrefix(path + "/") else { continue }
        result.append(prefix + String(full.dropFirst(path.count + 1)))
    }
    #endif
}
