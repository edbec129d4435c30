import Foundation

/// Notices edits: through inotify on Linux, else by comparing modification times and sizes of
/// every file below the folders (a scan of a thousand-notice content folder takes tens of
/// milliseconds, so polling is the fallback, not the rule).
struct FileWatcher {
    struct Stamp: Equatable {
        var modified: Double
        var size: Int
    }

    let roots: [URL]
    private(set) var stamps: [String: Stamp] = [:]
    #if canImport(Glibc)
    private let inotify: InotifyWatcher?
    #endif

    /// - Parameter polling: scan instead of using inotify.
    init(roots: [URL], polling: Bool = false) {
        self.roots = roots.map(\.standardizedFileURL)
        #if canImport(Glibc)
        inotify = polling ? nil : InotifyWatcher(roots: self.roots)
        if inotify != nil { return }
        #endif
        stamps = scan()
    }

    var usesInotify: Bool {
        #if canImport(Glibc)
        return inotify != nil
        #else
        return false
        #endif
    }

    /// The paths added, removed or changed since the last call.
    mutating func changes() -> Set<String> {
        #if canImport(Glibc)
        if let inotify { return inotify.changes() }
        #endif
        let now = scan()
        var changed = Set<String>()
        for (path, stamp) in now where stamps[path] != stamp { changed.insert(path) }
        for path in stamps.keys where now[path] == nil { changed.insert(path) }
        stamps = now
        return changed
    }

    private func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots { walk(root.path, into: &result) }
        return result
    }

    /// `lstat` over the tree: cheaper than Foundation's URL resource values on Linux.
    private func walk(_ path: String, into result: inout [String: Stamp]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }   // ., .., editors' swap files
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(child, into: &result)
            } else {
                result[child] = Stamp(modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size))
            }
        }
    }
}
