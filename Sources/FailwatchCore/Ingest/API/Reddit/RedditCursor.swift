// SPDX-License-Identifier: Apache-2.0

/// A Reddit post's place in a newest-first listing, `t3_1gx0abc@1732170000` (fullname and
/// `created_utc`): the values of Reddit's `NewestFirstCursor`. The fullname is what `after`
/// needs to resume a listing below a post; the time orders posts and dates holes.
struct RedditCursor: Equatable {
    /// The fullname.
    var name: String
    /// `created_utc`, whole seconds.
    var created: Int

    init(name: String, created: Int) {
        self.name = name
        self.created = created
    }

    /// Reads a value; `nil` when unreadable.
    init?(_ value: String?) {
        guard let value, let at = value.lastIndex(of: "@"), let created = Int(value[value.index(after: at)...])
        else { return nil }
        self.init(name: String(value[..<at]), created: created)
    }

    var text: String { "\(name)@\(created)" }

    /// A cursor as stored before holes existed could end a run mid-walk as `new<stop`; its
    /// floor is the part before `<`, as it always was at the start of a run.
    static func upgrading(_ stored: String?) -> String? {
        guard let stored, !stored.contains("\n"), let mark = stored.firstIndex(of: "<") else { return stored }
        return String(stored[..<mark])
    }

    /// Whether the post `first` is not covered by the post `second`: created later, or in
    /// the same second but another post. Unreadable values compare as text.
    static func newer(_ first: String, _ second: String) -> Bool {
        guard let a = RedditCursor(first), let b = RedditCursor(second) else { return first > second }
        return a.created > b.created || a.created == b.created && a.name != b.name
    }
}
