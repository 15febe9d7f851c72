import ChainModel

extension ValidationReport: DocumentRepresentable {
    /// The verdict, then one row per problem.
    public func document() -> Document {
        let table = Table(
            key: "problems",
            columns: [
                Column("severity", "validate.col.severity"), Column("file", "validate.col.file"),
                Column("line", "validate.col.line", .integer), Column("field", "validate.col.field"),
                Column("message", "validate.col.message"), Column("hint", "validate.col.hint"),
            ],
            rows: problems.map { d in
                [
                    .term(d.severity.rawValue, Message("severity." + d.severity.rawValue)),
                    .text(d.sheet == nil ? d.file : d.location), d.line.map { .integer($0) } ?? .empty,
                    .text(d.field ?? ""), d.text.map { .message($0) } ?? .text(d.message),
                    d.hintText.map { .message($0) } ?? .text(d.hint ?? ""),
                ]
            })
        return Document(
            title: Message("validate.title", ["park": .text(park)]),
            sections: [
                Section(
                    key: "problems", title: "validate.section.problems", blocks: [.paragraph(verdict), .table(table)])
            ],
            primaryTable: "problems")
    }

    /// The one-line verdict printed after the problems (`chainmap validate`'s text form).
    public var verdict: Message {
        if valid, let firms, let links, let organizations, let pairings, let needs {
            return Message(
                "validate.valid",
                [
                    "park": .text(park), "firms": .integer(firms), "links": .integer(links),
                    "organizations": .integer(organizations),
                    "pairings": .integer(pairings), "needs": .integer(needs), "warnings": .integer(warnings),
                ])
        }
        return Message(
            "validate.invalid", ["park": .text(park), "errors": .integer(errors), "warnings": .integer(warnings)])
    }
}

extension SampleList: DocumentRepresentable {
    /// One row per bundled park.
    public func document() -> Document {
        let table = Table(
            key: "samples",
            columns: [
                Column("name", "samples.col.name"), Column("firms", "samples.col.firms", .integer),
                Column("links", "samples.col.links", .integer), Column("park", "samples.col.park"),
                Column("file", "samples.col.file"),
            ],
            rows: samples.map { e in
                [
                    .text(e.name), e.firms.map { .integer($0) } ?? .empty, e.links.map { .integer($0) } ?? .empty,
                    e.park.map { .text($0) } ?? .message("samples.notInstalled"), .text(e.path ?? ""),
                ]
            })
        return Document(
            title: "samples.title",
            sections: [Section(key: "samples", title: "samples.section.list", blocks: [.table(table)])])
    }
}
