import Support

/// Checks that go across fields and files: ids, references to levels and the taxonomy,
/// dates against the notice year. Anchors into the Markdown are checked where it is rendered.
struct NoticeValidator {
    let taxonomy: Taxonomy
    var log = DiagnosticLog()

    init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    mutating func validate(_ notices: [Notice]) {
        var seenIDs: [String: String] = [:]
        for notice in notices {
            let at = SourceLocation(file: notice.dataPath, line: 1, column: 1)
            if let earlier = seenIDs[notice.id] {
                log.error(at, Message("loading.notice.duplicateID", ["id": notice.id, "earlier": earlier]), hint: Message("loading.notice.duplicateID.hint"))
            }
            seenIDs[notice.id] = notice.dataPath
            validate(notice)
        }
    }

    mutating func validate(_ notice: Notice) {
        let top = SourceLocation(file: notice.dataPath, line: 1, column: 1)
        let unread = notice.unreadSections
        if !isNoticeID(notice.id) {
            log.error(top, Message("loading.notice.idFormat", ["id": notice.id]), hint: Message("loading.notice.idFormat.hint"))
        } else if !notice.id.hasPrefix("\(notice.year)-") {
            log.error(top, Message("loading.notice.idYear", ["id": notice.id, "year": "\(notice.year)"]),
                      hint: Message("loading.notice.idYear.hint", ["year": "\(notice.year)", "slug": notice.slug]))
        } else if reservedPageNames.contains(notice.slug) {
            log.error(top, Message("loading.notice.idReserved", ["id": notice.id, "slug": notice.slug]),
                      hint: Message("loading.reservedName.hint", ["name": notice.slug]))
        }
        if notice.scope == .prefecture && notice.region == nil && !unread.contains("region") {
            log.error(top, Message("loading.notice.regionMissing"), hint: Message("loading.notice.regionMissing.hint"))
        }

        for series in notice.series where taxonomy.series(series.value) == nil {
            unknown(Message("loading.unknownSeries", ["value": series.value]), series, known: taxonomy.series.map(\.id), file: "taxonomy.yml")
        }
        for specialty in notice.specialties {
            guard let found = taxonomy.specialty(specialty.value) else {
                unknown(Message("loading.unknownSpecialty", ["value": specialty.value]), specialty, known: taxonomy.allSpecialtyPaths, file: "taxonomy.yml")
                continue
            }
            if !notice.series.contains(where: { $0.value == found.seriesID }) && !unread.contains("series") {
                log.error(specialty.location, Message("loading.specialty.seriesNotListed", ["specialty": specialty.value, "series": found.seriesID]),
                          hint: Message("loading.specialty.seriesNotListed.hint", ["series": found.seriesID]))
            }
        }

        // A reading quotes the notice: a quote that is not in the text would put words in its mouth.
        for reading in notice.readings {
            for part in reading.quotedParts where !containsQuote(notice.markdown, part) {
                log.error(reading.location, Message("loading.reading.quoteNotInText", ["quote": String(part.prefix(30)), "file": notice.markdownPath]),
                          hint: Message("loading.reading.quoteNotInText.hint"))
            }
        }

        var levelIDs = Set<String>()
        for level in notice.levels {
            if !isSlug(level.id) {
                log.error(level.location, Message("loading.level.idFormat", ["id": level.id]), hint: Message("loading.level.idFormat.hint"))
            }
            if !levelIDs.insert(level.id).inserted {
                log.error(level.location, Message("loading.level.twice", ["id": level.id]), hint: Message("loading.level.twice.hint"))
            }
            if let series = level.series, !notice.series.contains(where: { $0.value == series.value }), !unread.contains("series") {
                log.error(series.location, Message("loading.level.seriesNotListed", ["id": level.id, "series": series.value]))
            }
        }
        /// False when a level is unknown (reported here, once).
        @discardableResult
        func checkLevels(_ refs: [Located<String>]) -> Bool {
            // Levels that could not be read are reported once, where they are written.
            guard !unread.contains("levels") else { return true }
            var known = true
            for ref in refs where !levelIDs.contains(ref.value) {
                unknown(Message("loading.unknownLevel", ["value": ref.value]), ref, known: notice.levels.map(\.id), file: "levels")
                known = false
            }
            return known
        }
        // Sections whose entries are named by a misspelt id: what names them (`fees.fugao` under
        // `to_confirm`, a fee "missing" for the level meant) follows from that one mistake.
        var misnamed = Set<String>()

        var eventIDs = Set<String>()
        for event in notice.timeline {
            if !eventIDs.insert(event.id).inserted { log.error(event.location, Message("loading.timeline.twice", ["id": event.id])) }
            checkLevels(event.levels)
            if event.start == nil && event.end == nil && event.note == nil && !unread.contains("timeline") {
                log.error(event.location, Message("loading.timeline.noDates", ["id": event.id]), hint: Message("loading.timeline.noDates.hint"))
            }
            for date in [event.start, event.end].compactMap({ $0 }) where date.year != notice.year && event.correction == nil {
                log.warning(event.location, Message("loading.timeline.outsideYear", ["id": event.id, "date": "\(date)", "year": "\(notice.year)"]),
                            hint: Message("loading.timeline.outsideYear.hint"))
            }
        }

        var feeLevels = Set<String>()
        for fee in notice.fees {
            if !checkLevels([fee.level]) { misnamed.insert("fees") }
            if !feeLevels.insert(fee.level.value).inserted { log.error(fee.level.location, Message("loading.fee.twice", ["level": fee.level.value])) }
        }
        if !notice.fees.isEmpty && !unread.contains("fees") && !misnamed.contains("fees") {
            for level in notice.levels where !feeLevels.contains(level.id) {
                log.warning(level.location, Message("loading.fee.missing", ["level": level.id, "name": level.name]), hint: Message("loading.fee.missing.hint"))
            }
        }

        for rule in notice.continuingEducation {
            checkLevels(rule.levels)
            for (name, range) in [("general_years", rule.generalYears), ("specialty_years", rule.specialtyYears)] {
                if let range, range.upperBound > notice.year {
                    log.warning(rule.location, Message("loading.ce.afterYear", ["name": name, "end": "\(range.upperBound)", "year": "\(notice.year)"]),
                                hint: Message("loading.ce.afterYear.hint"))
                }
            }
        }
        notice.eligibility.forEach { checkLevels($0.levels) }
        notice.rules.forEach { checkLevels($0.levels) }

        var itemIDs = Set<String>()
        for item in notice.checklist {
            if !itemIDs.insert(item.id).inserted { log.error(item.location, Message("loading.checklist.twice", ["id": item.id])) }
            if !isSlug(item.id) {
                log.error(item.location, Message("loading.checklist.idFormat", ["id": item.id]), hint: Message("loading.checklist.idFormat.hint"))
            }
            for sub in item.conditions.subSpecialties where !notice.subSpecialties.isEmpty && !notice.subSpecialties.contains(sub) {
                log.error(item.location, Message("loading.checklist.subSpecialty", ["id": item.id, "sub": sub]),
                          hint: closestMatch(to: sub, in: notice.subSpecialties).map { Message("loading.didYouMean", ["suggestion": $0]) })
            }
            checkLevels(item.conditions.levels)
            if let template = item.template, !notice.templates.contains(where: { $0.id == template.value }), !unread.contains("templates") {
                unknown(Message("loading.unknownTemplate", ["value": template.value]), template, known: notice.templates.map(\.id), file: "templates")
            }
        }
        let confirmable = notice.toConfirm.isEmpty ? [] : notice.confirmableFacts.map(\.key)
        // `payment.deadline` names the section `payment`: when that could not be read, the entry is
        // no mistake of its own.
        for entry in notice.toConfirm where !confirmable.contains(entry.value) && !unread.contains(section(of: entry.value))
            && !misnamed.contains(section(of: entry.value)) {
            log.error(entry.location, Message("loading.toConfirm.notAFact", ["key": entry.value]),
                      hint: closestMatch(to: entry.value, in: confirmable).map { Message("loading.didYouMean", ["suggestion": $0]) }
                          ?? Message("loading.toConfirm.facts", ["facts": confirmable.prefix(12).joined(separator: ", ")]))
        }

        var templateIDs = Set<String>()
        for template in notice.templates {
            if !templateIDs.insert(template.id).inserted { log.error(top, Message("loading.template.twice", ["id": template.id])) }
            if !isSlug(template.id) {
                log.error(template.location, Message("loading.template.idFormat", ["id": template.id]), hint: Message("loading.template.idFormat.hint"))
            }
        }
    }

    private mutating func unknown(_ message: Message, _ ref: Located<String>, known: [String], file: String) {
        let suggestion = closestMatch(to: ref.value, in: known)
        log.error(ref.location, message, hint: suggestion.map { Message("loading.didYouMean", ["suggestion": $0]) }
                      ?? Message("loading.knownValues", ["known": known.joined(separator: ", "), "file": file]))
    }

    /// The top-level key a `to_confirm` entry belongs to: `payment.deadline` → `payment`.
    private func section(of key: String) -> String {
        String(key.prefix { $0 != "." })
    }
}
