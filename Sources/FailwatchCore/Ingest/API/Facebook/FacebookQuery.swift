// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a `kind: facebook` source reads through the Graph API at `url:`
/// (`https://graph.facebook.com/v21.0`): a provider's own page, its posts and the comments
/// and replies under them.
public struct FacebookQuery: Sendable, Equatable {
    /// The page's numeric id or its username (`liwest`).
    public var pageID: String
    /// A page access token with `pages_read_engagement` and `pages_read_user_content`,
    /// usually `${FACEBOOK_PAGE_TOKEN}`, sent as `Authorization: Bearer`; `nil` when `headers:`
    /// carries it. Never logged.
    public var token: String?
    /// How long a page post is read again for new comments (`comment_window:`): customers
    /// comment under the last few days' posts, not under last year's.
    public var commentWindow: TimeInterval

    /// Default for `comment_window:`.
    public static let defaultCommentWindow: TimeInterval = 3 * 86_400

    public init(pageID: String, token: String? = nil, commentWindow: TimeInterval = FacebookQuery.defaultCommentWindow) {
        self.pageID = pageID
        self.token = token
        self.commentWindow = commentWindow
    }

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["page_id", "token", "comment_window"]
}
