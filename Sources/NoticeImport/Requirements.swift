import FactExtraction
import Foundation
import NoticeModel

/// The draft's requirements: continuing education and who is exempt, appraisal years, the
/// defence, paper forms and contacts.
enum Requirements {
    static func write(_ out: inout DraftWriter, _ context: DraftContext) {
        continuingEducation(&out, context)
        exemptions(&out, context)
        appraisal(&out, context)
        defence(&out, context)
        paperForms(&out, context)
        contacts(&out, context)
    }

    /// One rule per paragraph that gives continuing-education years or hours.
    private static func continuingEducation(_ out: inout DraftWriter, _ context: DraftContext) {
        var count = 0
        var seen = Set<String>()
        var yearless: [String] = []
        for sentence in context.sentences where !seen.contains(sentence.paragraph) {
            let mentions = FactRules.continuingEducation(in: sentence.paragraph, year: context.year)
            // Years without a course type (继续教育证书2022-2024年) are not put under 公需科目: the
            // notice did not say which, and the calculator would answer for the wrong course.
            var general = mentions.first { $0.course == .general && $0.years != nil }?.years
            var specialty = mentions.first { $0.course == .specialty && $0.years != nil }?.years
            // "（2021-2024年）继续教育公需课及专业课培训合格证书": one range for both courses.
            if general == nil || specialty == nil, let both = mentions.compactMap(\.years).first,
               sentence.paragraph.range(of: #"公需(课|科目)?(及|和|与|、)专业(课|科目)|专业(课|科目)(及|和|与|、)公需(课|科目)"#, options: .regularExpression) != nil {
                general = general ?? both
                specialty = specialty ?? both
            }
            let hours = mentions.compactMap(\.hoursPerYear).first
            let specialtyHours = mentions.compactMap(\.specialtyHoursPerYear).first
            // A rule needs its years: hours alone, or "近3年", would let the calculator call an
            // applicant's certificates complete without knowing which years count.
            guard general != nil || specialty != nil else {
                if hours != nil || mentions.contains(where: { $0.years != nil || $0.recentYears != nil }), !seen.contains(sentence.paragraph) {
                    seen.insert(sentence.paragraph)
                    yearless.append(sentence.text)
                }
                continue
            }
            seen.insert(sentence.paragraph)
            if count == 0 { out.section("continuing_education") }
            count += 1
            out.text("  - text", sentence.paragraph)
            let ids = context.levelIDs(sentence.paragraph)
            if !ids.isEmpty { out.line("    levels: " + YAMLText.list(ids)) }
            if let general { out.line("    general_years: [\(general.lowerBound), \(general.upperBound)]") }
            if let specialty { out.line("    specialty_years: [\(specialty.lowerBound), \(specialty.upperBound)]") }
            if let hours { out.line("    hours_per_year: \(hours)") }
            if let specialtyHours { out.line("    specialty_hours_min: \(specialtyHours)") }
            out.source(sentence, indent: 4)
            out.confirm("continuing_education.\(count)", sentence.paragraph)
        }
        if count > 0 {
            out.summary.found.append(Message("import.found.continuingEducation", ["count": "\(count)"]))
        } else {
            out.summary.notFound.append(Message("import.notFound.continuingEducation"))
            for text in yearless.prefix(2) {
                out.summary.notes.append(Message("import.note.continuingEducationYears", ["text": text]))
            }
        }
    }

    private static func exemptions(_ out: inout DraftWriter, _ context: DraftContext) {
        var count = 0
        for sentence in context.sentences where ExemptionReading.exempts(sentence.text) {
            for group in ExemptionReading.groups(in: sentence.text) {
                if count == 0 { out.section("ce_exemptions") }
                count += 1
                out.text("  - who", group.who)
                if let proof = group.proof { out.text("proof", proof, indent: 4) }
                out.source(sentence, indent: 4)
                out.confirm("ce_exemptions.\(count)", sentence.text)
            }
        }
    }

    private static func appraisal(_ out: inout DraftWriter, _ context: DraftContext) {
        for sentence in context.sentences where sentence.text.contains("考核") {
            guard let years = FactRules.yearRanges(in: sentence.text, year: context.year).compactMap(\.years).first else { continue }
            out.section("appraisal")
            out.line("  years: [\(years.lowerBound), \(years.upperBound)]")
            out.text("text", sentence.paragraph, indent: 2)
            out.source(sentence, indent: 2)
            out.confirm("appraisal", sentence.text)
            return
        }
    }

    private static func defence(_ out: inout DraftWriter, _ context: DraftContext) {
        guard let sentence = context.sentences.first(where: { $0.text.contains("答辩") }) else { return }
        out.section("defence")
        out.text("text", sentence.paragraph, indent: 2)
        if context.sentences.contains(where: { $0.text.contains("一票否决") }) { out.line("  veto: true") }
        out.source(sentence, indent: 2)
        out.confirm("defence", sentence.text)
    }

    private static func paperForms(_ out: inout DraftWriter, _ context: DraftContext) {
        guard let sentence = context.sentences.first(where: { s in
            (s.text.contains("纸质") || s.text.contains("一式")) && (s.text.contains("评审表") || s.text.contains("材料"))
        }) else { return }
        out.section("paper_forms")
        // "本次评审不收取纸质材料": the sentence says none are needed.
        let none = ["不收取", "无需", "不需", "不再", "不用", "无须", "不提交", "免于提交", "免交"].contains(where: sentence.text.contains)
        out.line("  required: \(none ? "false" : "true")")
        if let form = PaperReading.formName(in: sentence.text) { out.text("form", form, indent: 2) }
        if let copies = PaperReading.copies(in: sentence.text) { out.line("  copies: \(copies)") }
        out.text("text", sentence.paragraph, indent: 2)
        out.source(sentence, indent: 2)
        out.confirm("paper_forms", sentence.text)
    }

    private static func contacts(_ out: inout DraftWriter, _ context: DraftContext) {
        let contacts = ContactReading.contacts(in: context.sentences)
        guard !contacts.isEmpty else {
            out.summary.notFound.append(Message("import.notFound.phones"))
            return
        }
        out.section("contacts")
        for (index, contact) in contacts.enumerated() {
            out.text("  - name", contact.name)
            if let person = contact.person { out.text("person", person, indent: 4) }
            out.line("    phones: " + YAMLText.list(contact.phones))
            out.confirm("contacts.\(index + 1)", contact.sentence)
        }
        out.summary.found.append(Message("import.found.phones", ["count": "\(contacts.reduce(0) { $0 + $1.phones.count })"]))
    }
}
