// SPDX-License-Identifier: Apache-2.0

/// What a `kind: mastodon` source reads: one hashtag timeline, or one account's statuses
/// (a provider's own account), on the instance named by `url:`.
public enum MastodonQuery: Sendable, Equatable {
    /// `/api/v1/timelines/tag/:tag`: posts with `tag` or any of `anyTags` (`any[]`);
    /// `localOnly` keeps posts of the instance's own users (`local=true`).
    case tag(String, anyTags: [String] = [], localOnly: Bool = false)
    /// `/api/v1/accounts/:id/statuses` of `acct` (`name` or `name@host`); `id` skips the
    /// `/api/v1/accounts/lookup` request that otherwise resolves it on the first run.
    case account(String, id: String? = nil)

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["tag", "any_tags", "local", "account", "account_id"]
}
