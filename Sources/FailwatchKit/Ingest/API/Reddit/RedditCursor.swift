// SPDX-License-Identifier: Apache-2.0

/// The newest Reddit post a run has read, stored as `t3_1gx0abc@1732170000`: the next run
/// stops paging at it.
struct RedditCursor: Equatable {
    /// The fullname.
    var name: String
    /// `created_utc`, whole seconds.
    var created: Int

    init(name: String, created: Int) {
        self.name = name
        self.created = created
    }

    /// Reads a stored cursor; `nil` when absent or unreadable.
    init?(_ stored: String?) {
        guard let stored, let at = stored.lastIndex(of: "@"), let created = Int(stored[stored.index(after: at)...])
        else { return nil }
        self.init(name: String(stored[..<at]), created: created)
    }

    var text: String { "\(name)@\(created)" }

    /// Whether a post lies at or before this point, i.e. was read by an earlier run.
    func covers(name other: String, created time: Int) -> Bool {
        other == name || time < created
    }
}
