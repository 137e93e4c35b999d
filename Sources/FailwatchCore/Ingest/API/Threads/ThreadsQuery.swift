// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a `kind: threads` source reads through the Threads API at `url:`
/// (`https://graph.threads.net/v1.0`): a keyword search, or the token's own account, its
/// threads and the replies under them.
public enum ThreadsQuery: Sendable, Equatable {
    /// `GET /keyword_search?q=` (newest first); needs `threads_keyword_search`, without which
    /// Threads searches only the token's own posts.
    case search(String, token: String?)
    /// `GET /me/threads` of the last `comment_window:` and `GET /{thread-id}/conversation` of
    /// each: the threads and the account's replies are its statements, everyone else's replies
    /// are posts.
    case account(token: String?, commentWindow: TimeInterval)

    /// The token (usually `${THREADS_TOKEN}`), sent as `Authorization: Bearer`; never logged.
    public var token: String? {
        switch self {
        case let .search(_, token), let .account(token, _): return token
        }
    }

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["query", "token", "comment_window"]
}
