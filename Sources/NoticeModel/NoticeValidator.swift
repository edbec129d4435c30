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
                log.error(at, "duplicate notice id '\(notice.id)', already used by \(earlier)", hint: "give each notice its own id")
            }
            seenIDs[notice.id] = notice.dataPath
            validate(notice)
        }
    }

    mutating func validate(_ notice: Notice) {
        let top = SourceLocation(file: notice.dataPath, line: 1, column: 1)
        if !isNoticeID(notice.id) {
            log.error(top, "id '\(notice.id)' must be YEAR-slug in lower-case ASCII", hint: "e.g. 2024-meitan-aksu; it becomes the page address")
        } else if !notice.id.hasPrefix("\(notice.year)-") {
            log.error(top, "id '\(notice.id)' does not start with the notice year \(notice.year)", hint: "use \(notice.year)-\(notice.slug) or fix 'year'")
        }
        if notice.scope == .prefecture && notice.region == nil {
            log.error(top, "a notice with scope 地区 needs 'region'", hint: "e.g. `region: 阿克苏地区`")
        }

        for series in notice.series where taxonomy.series(series.value) == nil {
            unknown("series", series, known: taxonomy.series.map(\.id), file: "taxonomy.yml")
        }
        for specialty in notice.specialties {
            guard let found = taxonomy.specialty(specialty.value) else {
                unknown("specialty", specialty, known: taxonomy.allSpecialtyPaths, file: "taxonomy.yml")
                continue
            }
            if !notice.series.contains(where: { $0.value == found.seriesID }) {
                log.error(specialty.location, "specialty '\(specialty.value)' belongs to series '\(found.seriesID)', which the notice does not list",
                          hint: "add '\(found.seriesID)' to 'series'")
            }
        }

        // A reading quotes the notice: a quote that is not in the text would put words in its mouth.
        for reading in notice.readings {
            for part in reading.quotedParts where !notice.markdown.contains(part) {
                log.error(reading.location, "the reading's quote “\(part.prefix(30))” is not in \(notice.markdownPath)",
                          hint: "copy the sentence from notice.md word for word; leave words out with ……")
            }
        }

        var levelIDs = Set<String>()
        for level in notice.levels {
            if !isSlug(level.id) {
                log.error(level.location, "level id '\(level.id)' must be lower-case ASCII letters, digits and '-'",
                          hint: "it becomes part of the checklist address, e.g. fugao or zhenggao-jingji")
            }
            if !levelIDs.insert(level.id).inserted {
                log.error(level.location, "level id '\(level.id)' is used twice", hint: "give each level its own id, e.g. fugao-jingji")
            }
            if let series = level.series, !notice.series.contains(where: { $0.value == series.value }) {
                log.error(series.location, "level '\(level.id)' names series '\(series.value)', which the notice does not list")
            }
        }
        func checkLevels(_ refs: [Located<String>]) {
            for ref in refs where !levelIDs.contains(ref.value) {
                unknown("level", ref, known: notice.levels.map(\.id), file: "the notice's 'levels'")
            }
        }

        var eventIDs = Set<String>()
        for event in notice.timeline {
            if !eventIDs.insert(event.id).inserted { log.error(event.location, "timeline id '\(event.id)' is used twice") }
            checkLevels(event.levels)
            if event.start == nil && event.end == nil && event.note == nil {
                log.error(event.location, "timeline event '\(event.id)' has no start, no end and no note",
                          hint: "give the dates, or a note saying when it happens (e.g. 通过形式审核后一周内)")
            }
            for date in [event.start, event.end].compactMap({ $0 }) where date.year != notice.year && event.correction == nil {
                log.warning(event.location, "'\(event.id)' is dated \(date), outside the notice year \(notice.year)",
                            hint: "check the year against the notice; if the notice misprints it, give the corrected date with 'as_printed' and 'correction'")
            }
        }

        var feeLevels = Set<String>()
        for fee in notice.fees {
            checkLevels([fee.level])
            if !feeLevels.insert(fee.level.value).inserted { log.error(fee.level.location, "two fees for level '\(fee.level.value)'") }
        }
        if !notice.fees.isEmpty {
            for level in notice.levels where !feeLevels.contains(level.id) {
                log.warning(level.location, "no fee given for level '\(level.id)' (\(level.name))",
                            hint: "add it under 'fees', or leave 'fees' out if the notice states none")
            }
        }

        for rule in notice.continuingEducation {
            checkLevels(rule.levels)
            for (name, range) in [("general_years", rule.generalYears), ("specialty_years", rule.specialtyYears)] {
                if let range, range.upperBound > notice.year {
                    log.warning(rule.location, "\(name) ends in \(range.upperBound), after the notice year \(notice.year)",
                                hint: "continuing education is proven for past years; check the notice")
                }
            }
        }
        notice.eligibility.forEach { checkLevels($0.levels) }
        notice.rules.forEach { checkLevels($0.levels) }

        var itemIDs = Set<String>()
        for item in notice.checklist {
            if !itemIDs.insert(item.id).inserted { log.error(item.location, "checklist id '\(item.id)' is used twice") }
            if !isSlug(item.id) {
                log.error(item.location, "checklist id '\(item.id)' must be lower-case ASCII letters, digits and '-'",
                          hint: "it keeps an applicant's ticks, so it must stay the same from build to build")
            }
            for sub in item.conditions.subSpecialties where !notice.subSpecialties.isEmpty && !notice.subSpecialties.contains(sub) {
                log.error(item.location, "checklist item '\(item.id)' names sub-specialty '\(sub)', which 'sub_specialties' does not list",
                          hint: closestMatch(to: sub, in: notice.subSpecialties).map { "did you mean '\($0)'?" })
            }
            checkLevels(item.conditions.levels)
            if let template = item.template, !notice.templates.contains(where: { $0.id == template.value }) {
                unknown("template", template, known: notice.templates.map(\.id), file: "the notice's 'templates'")
            }
        }
        let confirmable = notice.confirmableFacts.map(\.key)
        for entry in notice.toConfirm where !confirmable.contains(entry.value) {
            log.error(entry.location, "'to_confirm' names '\(entry.value)', which is not a fact of this notice",
                      hint: closestMatch(to: entry.value, in: confirmable).map { "did you mean '\($0)'?" }
                          ?? "facts: \(confirmable.prefix(12).joined(separator: ", "))…")
        }

        var templateIDs = Set<String>()
        for template in notice.templates {
            if !templateIDs.insert(template.id).inserted { log.error(top, "template id '\(template.id)' is used twice") }
            if !isSlug(template.id) {
                log.error(template.location, "template id '\(template.id)' must be lower-case ASCII letters, digits and '-'",
                          hint: "it becomes the template's address, e.g. gongshi or tuijian")
            }
        }
    }

    private mutating func unknown(_ what: String, _ ref: Located<String>, known: [String], file: String) {
        let suggestion = closestMatch(to: ref.value, in: known)
        log.error(ref.location, "unknown \(what) '\(ref.value)'",
                  hint: suggestion.map { "did you mean '\($0)'?" } ?? "known: \(known.joined(separator: ", ")) (from \(file))")
    }
}
