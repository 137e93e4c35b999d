// SPDX-License-Identifier: Apache-2.0

/// Where a Mastodon source stands, as stored in `source.cursor`: the newest status id read
/// (`113456789012345678`) and, for an account, which account it was resolved to
/// (`account=name@host;id=109876;since=113456789012345678`), so the lookup happens once.
struct MastodonCursor: Equatable {
    /// The `acct` the id belongs to; a changed `account:` in feeds.yml starts over.
    var account: String?
    var accountID: String?
    /// The newest status id read; the next run asks for `min_id` after it.
    var statusID: String?

    init(account: String? = nil, accountID: String? = nil, statusID: String? = nil) {
        self.account = account
        self.accountID = accountID
        self.statusID = statusID
    }

    /// Reads a stored cursor; an unreadable one reads as "nothing yet".
    init(_ stored: String?) {
        guard let stored, !stored.isEmpty else { return }
        guard stored.contains("=") else {
            statusID = MastodonCursor.isID(stored) ? stored : nil
            return
        }
        for pair in stored.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            switch parts[0] {
            case "account": account = parts[1]
            case "id": accountID = MastodonCursor.isID(parts[1]) ? parts[1] : nil
            case "since": statusID = MastodonCursor.isID(parts[1]) ? parts[1] : nil
            default: continue
            }
        }
    }

    /// The stored form.
    var text: String? {
        guard let account else { return statusID }
        var parts = ["account=\(account)"]
        if let accountID { parts.append("id=\(accountID)") }
        if let statusID { parts.append("since=\(statusID)") }
        return parts.joined(separator: ";")
    }

    /// Status ids are decimal snowflakes: longer is newer, and equal lengths sort as text.
    static func newer(_ lhs: String, than rhs: String) -> Bool {
        lhs.count != rhs.count ? lhs.count > rhs.count : lhs > rhs
    }

    /// The newest of some ids.
    static func newest(_ ids: [String]) -> String? {
        ids.reduce(nil) { best, id in best.map { newer(id, than: $0) ? id : $0 } ?? id }
    }

    /// The oldest of some ids.
    static func oldest(_ ids: [String]) -> String? {
        ids.reduce(nil) { best, id in best.map { newer($0, than: id) ? id : $0 } ?? id }
    }

    static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }
    }
}
