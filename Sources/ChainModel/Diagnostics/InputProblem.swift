import ChainGraph

extension InputFile.Problem {
    /// The problem at `file` as a diagnostic, with its words from the message catalog
    /// (`problem.input.*`) beside the English ones.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(.error, file: file, message, hint: hint).with(text, hint: hintText)
    }

    /// What is wrong, from the message catalog.
    public var text: Message {
        switch cause {
        case .missing: "problem.input.missing"
        case .danglingLink(let target): Message("problem.input.danglingLink", ["target": .text(target)])
        case .linkLoop: "problem.input.linkLoop"
        case .permissionDenied: "problem.input.permission"
        case .openFailed(let reason): Message("problem.input.openFailed", ["reason": .text(reason)])
        case .stream: "problem.input.stream"
        case .folder: "problem.input.folder"
        case .notRegular: "problem.input.notRegular"
        case .readFailed(let reason, _): Message("problem.input.readFailed", ["reason": .text(reason)])
        case .changed(let read, let size):
            Message("problem.input.changed", ["read": .integer(read), "size": .integer(size)])
        case .streamTooLong(let mebibytes): Message("problem.input.streamTooLong", ["mebibytes": .integer(mebibytes)])
        }
    }

    /// What to do, from the message catalog.
    public var hintText: Message {
        switch cause {
        case .missing: "problem.input.missing.hint"
        case .danglingLink: "problem.input.danglingLink.hint"
        case .linkLoop: "problem.input.linkLoop.hint"
        case .permissionDenied: "problem.input.permission.hint"
        case .openFailed: "problem.input.openFailed.hint"
        case .stream: "problem.input.stream.hint"
        case .folder: "problem.input.folder.hint"
        case .notRegular: "problem.input.notRegular.hint"
        case .readFailed(_, let stream):
            stream ? "problem.input.readFailed.streamHint" : "problem.input.readFailed.hint"
        case .changed: "problem.input.changed.hint"
        case .streamTooLong: "problem.input.streamTooLong.hint"
        }
    }
}
