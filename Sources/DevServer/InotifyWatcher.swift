#if canImport(Glibc)
import Foundation
import Glibc

/// Linux's inotify: the kernel reports each file written, created, moved or deleted below the
/// watched folders, so a save is seen at once and an idle server costs nothing. One watch per
/// folder; folders created later are watched as they appear.
final class InotifyWatcher {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]

    /// Nil when inotify is unavailable or out of watches; the caller falls back to polling.
    init?(roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where !watchTree(root.standardizedFileURL.path) {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// A file counts as changed when it is closed after writing (not at each write, which would
    /// catch it half-written), touched, created, moved or deleted.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    @discardableResult
    private func watchTree(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            if !watchTree(path + "/" + name) { return false }
        }
        return true
    }

    /// The paths changed since the last call (without waiting).
    func changes() -> Set<String> {
        var changed = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[watch] = nil; continue }
                if name.hasPrefix(".") { continue }   // editors' swap and backup files
                let path = name.isEmpty ? folder : folder + "/" + name
                changed.insert(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // A new folder (a notice made by `noticeboard new`, or moved in): watch it and
                    // count what it already holds.
                    watchTree(path)
                    if let enumerator = FileManager.default.enumerator(atPath: path) {
                        for case let relative as String in enumerator { changed.insert(path + "/" + relative) }
                    }
                }
            }
        }
        return changed
    }
}
#endif
