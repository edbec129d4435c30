import Foundation
import Hummingbird
import Logging
import NoticeModel
import SiteGeneration

/// `noticeboard serve`: builds the site, serves it on loopback, watches the content and the
/// themes, rebuilds what changed and makes open pages reload.
///
/// A change inside `notices/<id>/` rewrites that notice's pages and the listings (`LiveSite`);
/// any other change (site.yml, taxonomy.yml, calendar.yml, a theme file) rebuilds everything.
/// A failed rebuild is printed in the terminal and shown over open pages; the last good site
/// keeps being served.
public struct DevServer: Sendable {
    public struct Options: Sendable {
        public var site: SiteBuilder.Options
        public var port: Int
        /// How often the folders are scanned for changes.
        public var pollInterval: Duration
        /// How long the editing must pause before the search index is brought up to date.
        public var searchIndexDelay: Duration
        /// Scan the folders instead of using inotify.
        public var polling: Bool

        public init(site: SiteBuilder.Options, port: Int = 8000, pollInterval: Duration = .milliseconds(5),
                    searchIndexDelay: Duration = .milliseconds(1500), polling: Bool = false) {
            self.site = site
            self.port = port
            self.pollInterval = pollInterval
            self.searchIndexDelay = searchIndexDelay
            self.polling = polling
        }
    }

    let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Builds, then serves until the process is stopped. Prints what it does on standard output
    /// and diagnostics on standard error.
    public func run() async throws {
        let state = BuildState()
        let keeper = SiteKeeper(options: options, state: state)
        await keeper.start()

        let output = options.site.outputDirectory.standardizedFileURL
        let router = Router()
        let reloadSource = Data(ReloadScript.source().utf8)
        router.get(.init(stringLiteral: ReloadScript.path)) { request, _ in
            let current = request.uri.queryParameters.get("v").map { String($0) } == ReloadScript.version
            return Self.response(reloadSource, type: "text/javascript; charset=utf-8",
                                 cache: current ? AssetVersions.keptForGood : "no-store")
        }
        router.get(.init(stringLiteral: ReloadScript.waitPath)) { request, _ in
            let since = request.uri.queryParameters.get("since").flatMap { Int($0) }
            let page = request.uri.queryParameters.get("page").map { String($0) }
            let known = request.uri.queryParameters.get("known") == "1"
            let tab = request.uri.queryParameters.get("tab").map { String($0) }
            let script = await state.script(page: page, since: since, known: known, tab: tab, timeout: .seconds(20))
            return Self.response(Data(script.utf8), type: "text/javascript; charset=utf-8")
        }
        router.get("**") { request, _ in
            Self.serveFile(request.uri.path, from: output, generation: state.current, assetsVersion: state.assetsVersion,
                           versioned: request.uri.queryParameters.get("v") != nil)
        }
        router.get("/") { _, _ in
            Self.serveFile("/", from: output, generation: state.current, assetsVersion: state.assetsVersion)
        }

        let port = options.port
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "noticeboard"),
            onServerRunning: { _ in
                FileHandle.standardOutput.write(Data((say("serve.serving", ["folder": output.path, "address": "http://127.0.0.1:\(port)/"]) + "\n").utf8))
            },
            logger: {
                var logger = Logger(label: "noticeboard.serve")
                logger.logLevel = .warning
                return logger
            }()
        )
        let watching = Task { await keeper.watch() }
        do {
            try await app.runService()
        } catch {
            await stop(watching, keeper)
            throw error
        }
        await stop(watching, keeper)
    }

    /// Ends the watching and waits for the background search job, so the process does not exit
    /// while that job's thread is still writing and freeing.
    private func stop(_ watching: Task<Void, Never>, _ keeper: SiteKeeper) async {
        watching.cancel()
        await watching.value
        await keeper.shutDown()
    }

    /// `cache`: `no-store` but for the theme's assets asked for with their version (`AssetVersions`).
    static func response(_ data: Data, type: String, status: HTTPResponse.Status = .ok, cache: String = "no-store") -> Response {
        var buffer = ByteBuffer()
        buffer.writeBytes(data)
        return Response(status: status, headers: [.contentType: type, .cacheControl: cache], body: .init(byteBuffer: buffer))
    }

    /// The file for a request path: a folder means its index.html; HTML gets the reload script and
    /// the assets' version. `versioned`: asked for with `?v=`, so the browser may keep it.
    static func serveFile(_ requestPath: String, from root: URL, generation: Int, assetsVersion: Int, versioned: Bool = false) -> Response {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return notFound(root, generation: generation, assetsVersion: assetsVersion) }
        var url = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(root, generation: generation, assetsVersion: assetsVersion) }
        let type = contentType(url.pathExtension)
        if type.hasPrefix("text/html") {
            return response(ReloadScript.inject(into: data, generation: generation, assetsVersion: assetsVersion), type: type)
        }
        let keep = versioned && parts.first == "assets"
        return response(data, type: type, cache: keep ? AssetVersions.keptForGood : "no-store")
    }

    private static func notFound(_ root: URL, generation: Int, assetsVersion: Int) -> Response {
        let page = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data(say("serve.notFound").utf8)
        return response(ReloadScript.inject(into: page, generation: generation, assetsVersion: assetsVersion), type: "text/html; charset=utf-8",
                        status: .notFound)
    }

    static func contentType(_ fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "xml": "application/xml; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
