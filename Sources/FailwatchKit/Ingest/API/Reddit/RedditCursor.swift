// SPDX-License-Identifier: Apache-2.0

/// A Reddit post's place in a newest-first listing, `t3_1gx0abc@1732170000`: the newest post
/// a run has read, at which the next run stops paging.
///
/// While a run pages, its cursor also carries where this run stops (the stored newest post),
/// `t3_new@1732179999<t3_old@1732170000`, because later pages must stop at the old post,
/// not at the new one the first page just read. A first page reads only the part before `<`.
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

    /// The newest post read so far and the stop of this run, from the cursor so far.
    /// - Parameter laterPage: whether the page is an `after` page of the same run.
    static func positions(_ cursor: String?, laterPage: Bool) -> (newest: RedditCursor?, stop: RedditCursor?) {
        let parts = (cursor ?? "").split(separator: "<", maxSplits: 1).map { RedditCursor(String($0)) }
        let newest = parts.first ?? nil
        guard laterPage else { return (newest, newest) }
        return (newest, parts.count > 1 ? parts[1] : nil)
    }

    /// The cursor to return with a page: the newest post, and this run's stop when there is one.
    static func text(newest: RedditCursor?, stop: RedditCursor?) -> String? {
        guard let newest else { return nil }
        return newest.text + (stop.map { "<" + $0.text } ?? "")
    }

    /// Whether a post lies at or before this point, i.e. was read by an earlier run.
    func covers(name other: String, created time: Int) -> Bool {
        other == name || time < created
    }
}
