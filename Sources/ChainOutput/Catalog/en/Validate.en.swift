extension Catalog {
    /// `chainmap validate` and `chainmap samples`.
    static let enValidate: [String: String] = [
        "validate.title": "Data check: {park}",
        "validate.section.problems": "Problems",
        "validate.valid":
            "{park}: valid: {firms} firms, {links} links, {organizations} organizations, {pairings} pairings, {needs} needs; {warnings} warning(s)",
        "validate.invalid": "{park}: invalid: {errors} error(s), {warnings} warning(s)",
        "validate.col.severity": "severity",
        "validate.col.file": "file",
        "validate.col.line": "line",
        "validate.col.field": "field",
        "validate.col.message": "problem",
        "validate.col.hint": "hint",
        "severity.error": "error",
        "severity.warning": "warning",
        "samples.title": "Bundled sample parks",
        "samples.section.list": "Samples (usable by name in every command)",
        "samples.col.name": "name",
        "samples.col.firms": "firms",
        "samples.col.links": "links",
        "samples.col.park": "park",
        "samples.col.file": "file",
        "samples.notInstalled": "(not installed)",
    ]
}
