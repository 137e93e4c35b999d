// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// A source's `announce:`: how `failwatch announce` posts through the provider's own account.
/// The secrets come from the environment (`${VAR}`) and are read only by `announce`: a poll
/// runs without them.
public enum AnnounceConfig: Sendable, Equatable {
    /// A Mastodon account: `POST /api/v1/statuses` on the source's instance with an access
    /// token that has the `write:statuses` scope.
    case mastodon(token: String)
    /// A Bluesky account: a session from `handle` and an app password on `pds` (the account's
    /// host, `https://bsky.social` for most), then `com.atproto.repo.createRecord`.
    case bluesky(handle: String, appPassword: String, pds: URL)

    /// Where most Bluesky accounts live.
    public static let defaultPDS = URL(string: "https://bsky.social")!

    /// The keys of `announce:`.
    static let keys = ["token", "handle", "app_password", "pds"]
}
