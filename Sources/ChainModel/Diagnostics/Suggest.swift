/// "Did you mean …?" suggestions for misspelt ids and field names.
public enum Suggest {
    /// The candidate closest to `word` by edit distance, if it is close enough (at most a
    /// third of the word's length, at least 1). Gives up (nil) over `limit` candidates so that
    /// messages on huge parks stay fast.
    public static func closest(to word: String, in candidates: some Collection<String>, limit: Int = 5000) -> String? {
        guard candidates.count <= limit else { return nil }
        let w = Array(word.lowercased().unicodeScalars)
        let maxDistance = max(1, w.count / 3)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased().unicodeScalars), cap: maxDistance)
            if d <= maxDistance, d < (best?.1 ?? Int.max) || (d == best?.1 && c < (best?.0 ?? "")) {
                best = (c, d)
            }
        }
        return best?.0
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit (optimal string
    /// alignment), stopping early once every entry of a row exceeds `cap`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, beforePrevious[j - 2] + 1)
                }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > cap { return cap + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
