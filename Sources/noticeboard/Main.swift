import ArgumentParser
import Foundation
import NoticeModel

/// The entry point: chooses the language of every message before ArgumentParser reads the rest,
/// so the help, the parser's errors and each command's output are all in that language.
@main
enum Main {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let language = try LanguageOption.take(from: &arguments) { Language.use(language) }
        } catch {
            FileHandle.standardError.write(Data((error.text + "\n").utf8))
            exit(2)
        }
        await Noticeboard.main(arguments)
    }
}

/// `--lang zh|en` (or `--lang=en`) anywhere on the command line, taken out before ArgumentParser
/// runs: it belongs to no command, so every command and `--help` accepts it.
enum LanguageOption {
    struct Unknown: Error {
        var value: String
        /// In both languages: the office asked for a language this tool cannot speak, so neither is
        /// known to be the one they read.
        var text: String {
            Language.allCases.map { Message("cli.lang.unknown", ["value": value]).text(in: $0) }.joined(separator: "\n")
        }
    }

    /// The language the arguments ask for (the last `--lang` wins), with every `--lang` removed.
    /// Words after `--` are left alone: they are values, not options.
    static func take(from arguments: inout [String]) throws(Unknown) -> Language? {
        var chosen: Language?
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                kept += arguments[index...]
                break
            }
            var value: String?
            if argument == "--lang" {
                value = index + 1 < arguments.count ? arguments[index + 1] : ""
                index += 2
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
                index += 1
            } else {
                kept.append(argument)
                index += 1
                continue
            }
            guard let name = value, let language = Language.named(name) else { throw Unknown(value: value ?? "") }
            chosen = language
        }
        arguments = kept
        return chosen
    }
}
