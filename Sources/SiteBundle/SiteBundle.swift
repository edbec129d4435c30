import Foundation
import Support
import ZIPFoundation

/// A built site as one `.zip`, for a USB stick or a chat attachment: the site's files at the root
/// of the archive, `index.html` first so it is the start page an unzipped folder shows on top.
///
/// Entries are added in a fixed order with a fixed date and permissions, so the same site always
/// gives the same bytes (the date is `SOURCE_DATE_EPOCH` or 1980-01-01, the earliest a zip can hold).
public enum SiteBundle {
    public struct Summary: Sendable {
        public var files: Int
        public var unpackedBytes: Int
        public var zipBytes: Int
    }

    public static func zip(site: URL, to destination: URL, date: Date) throws -> Summary {
        let files = siteFiles(in: site)
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: partial.path) { try fileManager.removeItem(at: partial) }
        var unpacked = 0
        do {
            let archive = try Archive(url: partial, accessMode: .create)
            for relative in files {
                let data = try Data(contentsOf: site.appendingPathComponent(relative))
                unpacked += data.count
                try archive.addEntry(with: relative, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            if fileManager.fileExists(atPath: destination.path) { try fileManager.removeItem(at: destination) }
            try fileManager.moveItem(at: partial, to: destination)
        } catch {
            try? fileManager.removeItem(at: partial)
            throw error
        }
        let zipBytes = (try fileManager.attributesOfItem(atPath: destination.path)[.size] as? NSNumber)?.intValue ?? 0
        return Summary(files: files.count, unpackedBytes: unpacked, zipBytes: zipBytes)
    }

    /// Every file below the site folder as a relative path: `index.html` first, then sorted.
    /// `404.html` stays out: only a server shows it, and its links start at the server's root.
    static func siteFiles(in site: URL) -> [String] {
        regularFiles(under: site).filter { $0 != "404.html" }
            .sorted { $0 == "index.html" ? $1 != "index.html" : ($1 != "index.html" && $0 < $1) }
    }
}
