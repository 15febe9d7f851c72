extension Catalog {
    /// The command line's own words on standard error: progress, notes, usage errors.
    static let enCLI: [String: String] = [
        "cli.error.unknownVerb": "unknown command '{verb}'. Did you mean '{suggestion}'?",
        "cli.error.unknownVerb.list": "unknown command '{verb}'. Commands: {verbs}",
        "cli.error.unknownMode":
            "'{word}' is neither a park (no such file, folder or sample) nor a mode of {verb}. Did you mean '{verb} {suggestion}'?",
        "cli.progress.loading": "Loading {park}",
        "cli.progress.reading": "Reading {path}",
        "cli.progress.drawing": "Drawing",
        "cli.note.warning": "note: 1 data warning; `chainmap validate {park}` lists it",
        "cli.note.warnings": "note: {count} data warnings; `chainmap validate {park}` lists them",
        "cli.note": "note: {note}",
        "cli.wrote": "wrote {path}",
        "cli.wrote.format": "wrote {path} ({format})",
        "cli.wrote.generated":
            "wrote {path} ({format}): {firms} firms, {links} links, {organizations} organizations, {pairings} pairings, {needs} needs",
        "cli.wrote.generated.gaps":
            "wrote {path} ({format}): {firms} firms, {links} links, {organizations} organizations, {pairings} pairings, {needs} needs, {gaps} planted gaps",
        "cli.progress.generating": "generating {firms} firms",
        "cli.progress.writing": "writing {path}",
        "cli.usage.atLeast": "{option} must be at least {minimum}",
        "cli.usage.notNegative": "{option} must be 0 or more",
        "cli.usage.between": "{option} must be between {low} and {high}",
        "cli.usage.positive": "{option} must be positive",
        "cli.usage.whatifTarget": "give --remove FIRM[,FIRM…] and/or --zone ZONE",
    ]
}
