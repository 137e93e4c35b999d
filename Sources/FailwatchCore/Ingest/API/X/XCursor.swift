// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where an X source stands, as stored in `source.cursor`: the shared newest-first walk over
/// post ids (floor, pending, holes; see `NewestFirstCursor`), then one line of X's own state
/// that starts with a tab, so the shared reader skips it:
/// `\tday=2026-11-21;used=340;account=liwest;id=1234567`: the posts read on that UTC day
/// (the budget) and the account's resolved user id (so the lookup happens once).
///
/// When `APIPoll` drops a hole older than the backfill window it rewrites the walk alone:
/// the day's count and the id are then read again from zero (one lookup, a fresh budget).
struct XCursor: Equatable {
    /// The shared walk, as `NewestFirstCursor` stores it.
    var walk: String?
    /// The UTC day `used` counts, `yyyy-MM-dd`.
    var day: String?
    /// Posts read on `day`.
    var used = 0
    /// The handle the id belongs to; a changed `account:` in feeds.yml looks it up again.
    var account: String?
    var accountID: String?

    init(walk: String? = nil, day: String? = nil, used: Int = 0, account: String? = nil, accountID: String? = nil) {
        self.walk = walk
        self.day = day
        self.used = used
        self.account = account
        self.accountID = accountID
    }

    /// Reads a stored cursor; unreadable parts read as "nothing yet".
    init(_ stored: String?) {
        let lines = (stored ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var walkLines: [String] = []
        for line in lines {
            guard line.hasPrefix("\t") else {
                walkLines.append(line)
                continue
            }
            for pair in line.dropFirst().split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "day": day = parts[1]
                case "used": used = Int(parts[1]).map { max(0, $0) } ?? 0
                case "account": account = parts[1]
                case "id": accountID = Self.isID(parts[1]) ? parts[1] : nil
                default: continue
                }
            }
        }
        while walkLines.last?.isEmpty == true { walkLines.removeLast() }
        walk = walkLines.isEmpty ? nil : walkLines.joined(separator: "\n")
    }

    /// The stored form: the walk padded to its floor and pending lines, then the state line.
    var text: String? {
        var state: [String] = []
        if let day { state += ["day=\(day)", "used=\(used)"] }
        if let account { state.append("account=\(account)") }
        if let accountID { state.append("id=\(accountID)") }
        guard !state.isEmpty else { return walk }
        var lines = (walk ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.count < 2 { lines.append("") }
        return (lines + ["\t" + state.joined(separator: ";")]).joined(separator: "\n")
    }

    /// The count for `today`, starting from zero on a new day.
    mutating func count(_ posts: Int, on today: String) {
        if day != today {
            day = today
            used = 0
        }
        let (sum, overflow) = used.addingReportingOverflow(posts)
        used = overflow ? Int.max : sum
    }

    /// Posts read on `today`.
    func used(on today: String) -> Int { day == today ? used : 0 }

    /// Whether `first` is a newer post than `second`: snowflakes grow with time; ids that do not
    /// read as numbers compare as text.
    static func newer(_ first: String, _ second: String) -> Bool {
        guard let a = UInt64(first), let b = UInt64(second) else { return first > second }
        return a > b
    }

    /// The creation time a snowflake id carries (milliseconds since X's epoch in its top 42 bits);
    /// `nil` for anything else.
    static func date(of id: String) -> Date? {
        guard let value = UInt64(id), value > 0 else { return nil }
        let milliseconds = (value >> 22) + 1_288_834_974_657
        return Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    /// A snowflake: decimal digits only, at most 20 (a UInt64).
    static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 20 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
