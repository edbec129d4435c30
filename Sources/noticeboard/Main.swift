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
        do {
            var command = try Noticeboard.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            CommandLineMistake.exit(with: error)
        }
    }
}

/// ArgumentParser words its complaints in English ("Unexpected argument '网站'"). The usual slips
/// of a clerk's command line are said again in the office's language, with the command's help to
/// read; anything else, help and `--version` included, is printed as ArgumentParser prints it.
enum CommandLineMistake {
    static func exit(with error: Error) -> Never {
        let code = Noticeboard.exitCode(for: error)
        guard Language.current == .zh, code == .validationFailure else { Noticeboard.exit(withError: error) }
        let english = Noticeboard.message(for: error)
        let full = Noticeboard.fullMessage(for: error)
        var lines = [say("cli.mistake", ["text": translated(english)])]
        if let help = firstMatch(#"'([^']+ --help)'"#, in: full) { lines.append(say("cli.mistake.help", ["command": help])) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(code.rawValue)
    }

    /// The common complaints, said in Chinese; a message already in Chinese (a command's own
    /// check) or one not known here is kept as it is.
    static func translated(_ english: String) -> String {
        let text = english.hasPrefix("Error: ") ? String(english.dropFirst("Error: ".count)) : english
        var said: String?
        if let value = firstMatch(#"^Unexpected argument '([^']+)'"#, in: text) { said = say("cli.mistake.unexpected", ["value": value]) }
        if let value = firstMatch(#"^Missing expected argument '([^']+)'"#, in: text) { said = say("cli.mistake.missingArgument", ["value": value]) }
        if let value = firstMatch(#"^Unknown option '([^']+)'"#, in: text) { said = say("cli.mistake.unknownOption", ["value": value]) }
        if let value = firstMatch(#"^Missing value for '([^']+)'"#, in: text) { said = say("cli.mistake.missingValue", ["value": value]) }
        guard let said else { return text }
        if let suggestion = firstMatch(#"Did you mean '([^']+)'"#, in: text) { return said + say("cli.mistake.didYouMean", ["suggestion": suggestion]) }
        return said
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
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
                value = index + 1 < arguments.count ? arguments[index + 1] : "（空）"
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
