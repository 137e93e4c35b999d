// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a `kind: instagram` source reads through the Instagram Graph API at `url:`
/// (`https://graph.facebook.com/v21.0`): the provider's own media, their captions and the
/// comments and replies under them.
public struct InstagramQuery: Sendable, Equatable {
    /// The Instagram professional account's id (`/{ig-user-id}/media`), a number.
    public var accountID: String
    /// A user access token with `instagram_basic`, `instagram_manage_comments` and
    /// `pages_read_engagement`, usually `${INSTAGRAM_TOKEN}`, sent as `Authorization: Bearer`;
    /// `nil` when `headers:` carries it. Never logged.
    public var token: String?
    /// How long a media is read again for new comments (`comment_window:`).
    public var commentWindow: TimeInterval

    public init(
        accountID: String, token: String? = nil, commentWindow: TimeInterval = FacebookQuery.defaultCommentWindow
    ) {
        self.accountID = accountID
        self.token = token
        self.commentWindow = commentWindow
    }

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["account_id", "token", "comment_window"]
}
